import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createErrandFixture, type ErrandFixture } from '../../testing/errand-fixture.ts';
import { actFor, addChild } from '../../testing/proxy-sessions.ts';
import { DIALECTS } from '../../testing/test-databases.ts';

// The question after login about where notifications go (issue 17): asked until an address is
// verified or the citizen says "not now", which the server remembers (never the browser), per
// person asked: a guardian acting for a child is asked about the child's, for themself only.
describe.each(DIALECTS)('the question about a notification address on %s', (dialect) => {
  let f: ErrandFixture;
  const now = Date.UTC(2026, 11, 6, 10, 0);
  const PROMPT = '/api/citizen/settings/address-prompt';

  beforeAll(async () => {
    f = await createErrandFixture(dialect, { clock: () => now });
  });
  afterAll(async () => f.close());

  const asks = async (who: Client) => {
    const response = await who.get('/api/citizen/settings');
    expect(response.statusCode, response.body).toBe(200);
    return response.json().askForAddress as boolean;
  };

  it('refuses without a login', async () => {
    expect((await f.app.inject({ method: 'PUT', url: PROMPT, payload: { ask: false } })).statusCode).toBe(401);
    expect((await f.app.inject('/api/citizen/settings')).statusCode).toBe(401);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const citizen = await f.citizen(f.personas.citizens.tolvan.personnummer);
    for (const body of [{ ask: 'nej' }, {}, { ask: null }]) {
      const response = await citizen.put(PROMPT, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain('body.ask');
    }
    const unknown = await citizen.put(PROMPT, { ask: false, remember: 'localStorage' });
    expect(unknown.statusCode).toBe(400);
    expect(await f.database.db.selectFrom('notification_prompt_decline').selectAll().execute()).toEqual([]);
    expect(await asks(citizen)).toBe(true);
  });

  it('a new citizen is asked; "not now" is remembered at the next login; asking again undoes it', async () => {
    const first = await f.citizen(f.personas.citizens.adult.personnummer);
    expect(await asks(first)).toBe(true);
    const declined = await first.put(PROMPT, { ask: false });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({
      askForAddress: false,
      email: { address: null },
      mobile: { address: null },
    });
    // Twice is the same as once.
    expect((await first.put(PROMPT, { ask: false })).statusCode).toBe(200);

    const later = await f.citizen(f.personas.citizens.adult.personnummer);
    expect(await asks(later)).toBe(false);
    expect((await later.put(PROMPT, { ask: true })).json().askForAddress).toBe(true);
    expect(await asks(await f.citizen(f.personas.citizens.adult.personnummer))).toBe(true);
  });

  it('is not asked once an address is verified', async () => {
    const citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    await citizen.put('/api/citizen/settings', { email: 'karl@example.se' });
    // Saved but not confirmed: still asked (the question shows where to type the code).
    expect(await asks(citizen)).toBe(true);
    const row = await f.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('recipient', '=', 'karl@example.se')
      .where('template', '=', 'contact-verification')
      .executeTakeFirstOrThrow();
    const { code } = JSON.parse(row.parameters) as { code: string };
    expect((await citizen.post('/api/citizen/settings/verify', { channel: 'email', code })).statusCode).toBe(200);
    expect(await asks(citizen)).toBe(false);
  });

  it('a guardian acting for a child is asked about the child’s, and answers for herself only', async () => {
    const people = f.personas.citizens;
    const guardian = await f.citizen(people.guardian.personnummer);
    const childId = await addChild(guardian, people.child12y8m.personnummer);
    const coGuardian = await f.citizen(people.coGuardian.personnummer);
    await addChild(coGuardian, people.child12y8m.personnummer);

    const asChild = await actFor(f, guardian, childId);
    expect(await asks(asChild)).toBe(true);
    expect((await asChild.put(PROMPT, { ask: false })).json().askForAddress).toBe(false);
    const rows = await f.database.db.selectFrom('notification_prompt_decline').selectAll().execute();
    expect(rows).toEqual([
      expect.objectContaining({ citizen_id: childId, asked_citizen_id: expect.not.stringMatching(childId) }),
    ]);

    // Her own notifications are another question, and the other guardian is still asked about the child's.
    const herself = await actFor(f, asChild, null);
    expect(await asks(herself)).toBe(true);
    expect(await asks(await actFor(f, coGuardian, childId))).toBe(true);
  });
});
