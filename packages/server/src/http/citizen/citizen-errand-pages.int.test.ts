import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';

// The citizen's folders page by cursor, newest first. The list is compiled once per shape (which
// folder, a cursor or not, the page size), so pages of every shape must follow one another
// without a gap or a repeat, and the counts must match what the folders hold.

describe.each(DIALECTS)("the citizen's errands page by page on %s", (dialect) => {
  let f: ErrandFixture;
  let citizen: Client;
  const sent: string[] = [];
  // A minute between sends, so that "newest first" has one answer.
  let now = Date.now();

  beforeAll(async () => {
    f = await createErrandFixture(dialect, { clock: () => now });
    citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    const form = (await citizen.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).json();
    for (let i = 0; i < 5; i++) {
      now += 60_000;
      const response = await citizen.post('/api/citizen/errands', {
        unitHsaId: f.unit,
        errandType: 'renew-prescription',
        formVersionId: form.formVersionId,
        answers: prescriptionAnswers(`Levaxin ${i}`),
      });
      expect(response.statusCode).toBe(201);
      sent.push(response.json().id);
    }
    // The oldest goes to the archive.
    expect((await citizen.post(`/api/citizen/errands/${sent[0]}/archive`, {})).statusCode).toBe(204);
  });
  afterAll(async () => f.close());

  const walk = async (folder: string, limit: number) => {
    const ids: string[] = [];
    const pageSizes: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `folder=${folder}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await citizen.get(`/api/citizen/errands?${query}`)).json();
      ids.push(...page.items.map((item: { id: string }) => item.id));
      pageSizes.push(page.items.length);
      cursor = page.nextCursor;
    } while (cursor);
    return { ids, pageSizes };
  };

  it('sent: 2 + 2 newest first, then nothing more; the archive holds the oldest', async () => {
    const newestFirst = sent.slice(1).reverse();
    expect(await walk('sent', 2)).toEqual({ ids: newestFirst, pageSizes: [2, 2] });
    expect(await walk('sent', 3)).toEqual({ ids: newestFirst, pageSizes: [3, 1] });
    expect(await walk('sent', 20)).toEqual({ ids: newestFirst, pageSizes: [4] });
    expect(await walk('archive', 2)).toEqual({ ids: [sent[0]], pageSizes: [1] });
    expect(await walk('inbox', 2)).toEqual({ ids: [], pageSizes: [0] });
  });

  it('the counts beside every page match the folders', async () => {
    const page = (await citizen.get('/api/citizen/errands?folder=sent&limit=1')).json();
    expect(page.counts).toEqual({ inbox: 0, unread: 0, sent: 4, archive: 1 });
    // An empty folder still shows how many errands the others hold.
    const empty = (await citizen.get('/api/citizen/errands?folder=inbox')).json();
    expect(empty.items).toEqual([]);
    expect(empty.counts).toEqual({ inbox: 0, unread: 0, sent: 4, archive: 1 });
  });

  it('another citizen sees none of them, on any page', async () => {
    const other = await f.citizen(f.personas.citizens.tolvan.personnummer);
    const page = (await other.get('/api/citizen/errands?folder=sent&limit=2')).json();
    expect(page.items).toEqual([]);
    expect(page.counts).toEqual({ inbox: 0, unread: 0, sent: 0, archive: 0 });
  });
});
