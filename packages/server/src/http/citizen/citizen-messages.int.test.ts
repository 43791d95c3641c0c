import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createErrandFixture, type ErrandFixture } from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { sendInboxMessage } from '../../use-cases/inbox-messages/send-inbox-message.ts';

// Inbox messages from the service: in the reader's language, unread until opened, only one's own,
// and announced by a notification that says nothing of the content.
describe.each(DIALECTS)('inbox messages on %s', (dialect) => {
  let f: ErrandFixture;
  let reader: Client;
  let readerId: string;
  let other: Client;
  const ids: string[] = [];

  beforeAll(async () => {
    f = await createErrandFixture(dialect);
    reader = await f.citizen(f.personas.citizens.guardian.personnummer);
    other = await f.citizen(f.personas.citizens.adult.personnummer);
    const row = await f.database.db
      .selectFrom('citizen')
      .select('id')
      .where('personnummer', '=', f.personas.citizens.guardian.personnummer)
      .executeTakeFirstOrThrow();
    readerId = row.id;
    // The child's citizen row exists once someone logged in as (or added) the child.
    await f.citizen(f.personas.citizens.child12y8m.personnummer);
    const childId = await idOf(f.personas.citizens.child12y8m.personnummer);
    await f.database.db
      .insertInto('citizen_contact')
      .values({
        citizen_id: readerId,
        email: 'anna@example.se',
        email_verified_at: 1,
        mobile: null,
        mobile_verified_at: null,
        language: 'sv',
        updated_at: 1,
      })
      .execute();
    for (let i = 0; i < 3; i += 1) {
      ids.push(
        await sendInboxMessage(f.database.db, {
          citizenId: readerId,
          template: 'proxy-ends-soon-guardian',
          aboutCitizenId: childId,
          values: { endDate: '2027-03-15', ageLimit: 13 },
          now: 1_000 + i,
        }),
      );
    }
  });
  afterAll(async () => f.close());

  async function idOf(personnummer: string) {
    const row = await f.database.db
      .selectFrom('citizen')
      .select('id')
      .where('personnummer', '=', personnummer)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  it('lists them newest first in the reader’s language, with names and dates filled in, paged', async () => {
    const first = (await reader.get('/api/citizen/messages?limit=2')).json();
    expect(first.unread).toBe(3);
    expect(first.items.map((m: { id: string }) => m.id)).toEqual([ids[2], ids[1]]);
    expect(first.items[0]).toMatchObject({ from: 'Kontakta', read: false, kind: 'proxy-ends-soon-guardian' });
    expect(first.items[0].subject).toContain('Elsa Lindqvist');
    expect(first.items[0].body).toContain('15 mars 2027');
    const second = (await reader.get(`/api/citizen/messages?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((m: { id: string }) => m.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
    const english = await f.app.inject({
      method: 'GET',
      url: '/api/citizen/messages',
      cookies: reader.login.cookies,
      headers: { 'accept-language': 'en' },
    });
    expect(english.json().items[0].body).toContain('15 March 2027');
    expect((await reader.get('/api/citizen/messages?cursor=not-a-cursor')).statusCode).toBe(400);
  });

  it('marks one read; someone else’s message is 404 and stays unread', async () => {
    expect((await other.post(`/api/citizen/messages/${ids[0]}/read`)).statusCode).toBe(404);
    expect((await other.get('/api/citizen/messages')).json().items).toEqual([]);
    expect((await reader.post(`/api/citizen/messages/${ids[0]}/read`)).statusCode).toBe(204);
    expect((await reader.post(`/api/citizen/messages/${ids[0]}/read`)).statusCode).toBe(204);
    expect((await reader.get('/api/citizen/messages')).json().unread).toBe(2);
    expect((await f.app.inject({ method: 'GET', url: '/api/citizen/messages' })).statusCode).toBe(401);
  });

  it('notifies the reader without content', async () => {
    const queued = await f.database.db.selectFrom('outbox').selectAll().where('citizen_id', '=', readerId).execute();
    expect(queued).toHaveLength(3);
    for (const row of queued) {
      expect(row).toMatchObject({ template: 'new-message', channel: 'email', errand_id: null });
      expect(row.parameters).not.toContain('Elsa');
    }
  });
});
