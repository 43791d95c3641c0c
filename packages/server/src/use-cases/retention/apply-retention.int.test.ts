import { deletionEpochOf, errandExpiresAt, startOfStockholmDay } from '@kontakta/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteErrandForRetention } from '../../storage/repositories/retention.repository.ts';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { applyRetention } from './apply-retention.ts';

// Retention with an injected clock: the notice, the boundaries of deletion, what a link to a
// deleted errand answers and to whom, a new event moving the expiry and its key, the month's key
// destroyed when its errands are gone, errands from before retention, and a run cut short.
describe.each(DIALECTS)('retention on %s', (dialect) => {
  let f: ErrandFixture | undefined;
  afterEach(async () => {
    await f?.close();
    f = undefined;
  });

  const DAY = 86_400_000;

  async function setUp() {
    let now = Date.now();
    const fixture = await createErrandFixture(dialect, { clock: () => now });
    f = fixture;
    const citizen = await fixture.citizen(fixture.personas.citizens.adult.personnummer);
    const receiver = await fixture.staff(fixture.personas.staff.receiver.hsaId, fixture.unit);
    const send = async (who: Client, medicine: string) => {
      const form = (await who.get(`/api/citizen/units/${fixture.unit}/errand-types/renew-prescription/form`)).json();
      const sent = await who.post('/api/citizen/errands', {
        unitHsaId: fixture.unit,
        errandType: 'renew-prescription',
        formVersionId: form.formVersionId,
        answers: prescriptionAnswers(medicine),
      });
      expect(sent.statusCode, sent.body).toBe(201);
      return sent.json().id as string;
    };
    const run = (at: number, options = {}) => applyRetention(fixture.services, at, options);
    const errand = (id: string) =>
      fixture.database.db.selectFrom('errand').selectAll().where('id', '=', id).executeTakeFirst();
    // Sessions end after an hour idle: after a jump in time, log in again.
    const citizenAgain = () => fixture.citizen(fixture.personas.citizens.adult.personnummer);
    const receiverAgain = () => fixture.staff(fixture.personas.staff.receiver.hsaId, fixture.unit);
    return {
      fixture,
      citizen,
      receiver,
      citizenAgain,
      receiverAgain,
      send,
      run,
      errand,
      get now() {
        return now;
      },
      setNow(t: number) {
        now = t;
      },
    };
  }

  it('tells the citizen 30 days before, deletes on the day, and a link then says "deleted" to those who could see it', async () => {
    const t = await setUp();
    const sentAt = t.now;
    const id = await t.send(t.citizen, 'Levaxin');
    const expiresAt = errandExpiresAt(sentAt, t.fixture.config.retention);
    expect((await t.errand(id))?.expires_at).toBe(expiresAt);

    // Outside the notice period: nothing; inside it: one message, once.
    expect((await t.run(expiresAt - 30 * DAY - 60_000)).noticed).toBe(0);
    t.setNow(expiresAt - 30 * DAY + 60_000);
    expect((await t.run(t.now)).noticed).toBe(1);
    expect((await t.run(t.now + 3_600_000)).noticed).toBe(0);
    const citizen = await t.citizenAgain();
    const receiver = await t.receiverAgain();
    const messages = (await citizen.get('/api/citizen/messages')).json();
    expect(messages.items[0]).toMatchObject({ kind: 'errand-deleted-soon', read: false });
    expect(messages.items[0].subject).toContain('Förnya recept');
    // Lists show the date to the citizen and to staff.
    const deletionDate = new Date(expiresAt + 12 * 3_600_000).toISOString().slice(0, 10);
    const sent = (await citizen.get('/api/citizen/errands?folder=sent')).json();
    expect(sent.items[0].deletesOn).toBe(deletionDate);
    expect((await receiver.get('/api/staff/inbox')).json().items[0].deletesOn).toBe(deletionDate);
    const outbox = await t.fixture.database.db.selectFrom('outbox').select('template').execute();
    expect(outbox.every((row) => row.template !== 'errand-deleted-soon')).toBe(true);

    // A millisecond before: kept. On the instant: deleted, open or not.
    expect((await t.run(expiresAt - 1)).deleted).toBe(0);
    t.setNow(expiresAt);
    expect((await t.run(expiresAt)).deleted).toBe(1);
    expect(await t.errand(id)).toBeUndefined();
    for (const table of ['errand_message', 'errand_event'] as const) {
      expect(await t.fixture.database.db.selectFrom(table).select('id').where('errand_id', '=', id).execute()).toEqual(
        [],
      );
    }
    const tombstone = await t.fixture.database.db
      .selectFrom('errand_tombstone')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(tombstone).toMatchObject({
      unit_hsa_id: t.fixture.unit,
      errand_type: 'renew-prescription',
      reason: 'retention',
    });
    // The access log outlives the errand (ids only).
    expect(
      (await t.fixture.database.db.selectFrom('access_log').select('id').where('errand_id', '=', id).execute()).length,
    ).toBeGreaterThan(0);

    const owner = await (await t.citizenAgain()).get(`/api/citizen/errands/${id}`);
    expect(owner.statusCode).toBe(410);
    expect(owner.json().code).toBe('errand-deleted');
    expect((await (await t.receiverAgain()).get(`/api/staff/errands/${id}`)).statusCode).toBe(410);
    const stranger = await t.fixture.citizen(t.fixture.personas.citizens.tolvan.personnummer);
    expect((await stranger.get(`/api/citizen/errands/${id}`)).statusCode).toBe(404);
    const elsewhere = await t.fixture.staffElsewhere('receiver', t.fixture.unit);
    expect((await elsewhere.get(`/api/staff/errands/${id}`)).statusCode).toBe(404);
    expect((await (await t.citizenAgain()).get('/api/citizen/errands?folder=sent')).json().items).toEqual([]);

    // The month's key goes once the month is over and none of its errands is left.
    const epoch = deletionEpochOf(expiresAt);
    expect(t.fixture.deletionKeys.epochs()).toContain(epoch);
    expect((await t.run(expiresAt + DAY)).keysDestroyed).toBe(0);
    const nextMonth = startOfStockholmDay(`${epoch}-28`).getTime() + 5 * DAY;
    expect((await t.run(nextMonth)).keysDestroyed).toBe(1);
    expect(t.fixture.deletionKeys.epochs()).not.toContain(epoch);
  });

  it('an answer restarts the clock and moves the key to the new month; reading does not', async () => {
    const t = await setUp();
    const id = await t.send(t.citizen, 'Sertralin');
    const before = await t.errand(id);
    // The receiver opens it five weeks later: a look, not an event in the errand's life.
    t.setNow(t.now + 35 * DAY);
    const receiver = await t.receiverAgain();
    expect((await receiver.get(`/api/staff/errands/${id}`)).statusCode).toBe(200);
    expect((await t.errand(id))?.expires_at).toBe(before?.expires_at);
    // Then assigns it: the expiry moves five weeks on, into another month, under that month's key.
    const assigned = await receiver.post(`/api/staff/errands/${id}/assign`, {
      caregiverHsaId: t.fixture.personas.staff.doctor.hsaId,
    });
    expect(assigned.statusCode, assigned.body).toBe(204);
    const after = await t.errand(id);
    const expected = errandExpiresAt(t.now, t.fixture.config.retention);
    expect(after?.expires_at).toBe(expected);
    expect(after?.key_id).toBe(`deletion:${deletionEpochOf(expected)}`);
    expect(after?.key_id).not.toBe(before?.key_id);
    // Still readable, and not deleted at the old expiry.
    expect((await receiver.get(`/api/staff/errands/${id}`)).body).toContain('Sertralin');
    expect((await t.run(before?.expires_at as number)).deleted).toBe(0);
    // The old month's key, with nothing left under it, is destroyed once that month is over.
    const oldEpoch = String(before?.key_id).slice('deletion:'.length);
    const review = await t.run(startOfStockholmDay(`${oldEpoch}-28`).getTime() + 5 * DAY);
    expect(review.keysDestroyed).toBe(1);
    expect((await receiver.get(`/api/staff/errands/${id}`)).body).toContain('Sertralin');
  });

  it('adopts errands from before retention: their key moves to their month', async () => {
    const t = await setUp();
    const id = await t.send(t.citizen, 'Waran');
    const { wrapDataKey } = await import('../../encryption/envelope.ts');
    const { openErrandKey } = await import('../errands/errand-keys.ts');
    // Make it look like an errand written before this version: key under the master key, no expiry.
    const row = await t.errand(id);
    const dataKey = openErrandKey(t.fixture.services, row as NonNullable<typeof row>);
    const legacy = wrapDataKey(t.fixture.keys, dataKey);
    await t.fixture.database.db
      .updateTable('errand')
      .set({ expires_at: null, wrapped_key: legacy.wrapped, key_id: legacy.keyId })
      .where('id', '=', id)
      .execute();
    expect((await t.run(t.now)).adopted).toBe(1);
    const adopted = await t.errand(id);
    expect(adopted?.expires_at).toBe(errandExpiresAt(adopted?.last_event_at as number, t.fixture.config.retention));
    expect(adopted?.key_id).toMatch(/^deletion:/);
    expect((await t.receiver.get(`/api/staff/errands/${id}`)).body).toContain('Waran');
  });

  it('a run cut short after each batch, run again, ends as one clean run', async () => {
    const t = await setUp();
    const ids = [await t.send(t.citizen, 'A'), await t.send(t.citizen, 'B'), await t.send(t.citizen, 'C')];
    const at = Math.max(...(await Promise.all(ids.map(async (id) => (await t.errand(id))?.expires_at as number))));
    let pauses = 0;
    await expect(
      t.run(at, {
        batchSize: 1,
        afterBatch: async () => {
          pauses += 1;
          if (pauses === 2) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    await t.run(at, { batchSize: 1 });
    await t.run(at, { batchSize: 1 });
    const tombstones = await t.fixture.database.db.selectFrom('errand_tombstone').select('id').execute();
    expect(tombstones.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(await t.fixture.database.db.selectFrom('errand').select('id').execute()).toEqual([]);
  });

  it('lets the event loop serve requests while it deletes, several errands to a transaction', async () => {
    const t = await setUp();
    const ids = [await t.send(t.citizen, 'A'), await t.send(t.citizen, 'B'), await t.send(t.citizen, 'C')];
    const at = Math.max(...(await Promise.all(ids.map(async (id) => (await t.errand(id))?.expires_at as number))));
    // On SQLite the queries run on this thread and resolve at once: without a deliberate turn of
    // the event loop nothing else (a request, this counter) would run until the run is over
    // (bench/ (i) measured that). The counter runs once per turn of the loop.
    let turns = 0;
    let handle: NodeJS.Immediate | undefined;
    const count = () => {
      turns += 1;
      handle = setImmediate(count);
    };
    handle = setImmediate(count);
    await new Promise((resolve) => setImmediate(resolve));
    const before = turns;
    try {
      const run = await t.run(at, { sliceMs: 0 });
      expect(run.deleted).toBe(3);
      expect(turns - before).toBeGreaterThanOrEqual(3);
    } finally {
      clearImmediate(handle);
    }
    // A long slice deletes them in one transaction; the result is the same.
    const more = [await t.send(t.citizen, 'D'), await t.send(t.citizen, 'E')];
    const later = Math.max(...(await Promise.all(more.map(async (id) => (await t.errand(id))?.expires_at as number))));
    expect((await t.run(later, { sliceMs: 60_000 })).deleted).toBe(2);
    expect(await t.fixture.database.db.selectFrom('errand').select('id').execute()).toEqual([]);
  });

  it('leaves an errand that changed after it was listed whole: messages, events and all', async () => {
    const t = await setUp();
    const id = await t.send(t.citizen, 'Levaxin');
    const listed = await t.errand(id);
    // A receiver opens it after retention listed it (a new event, a new version).
    expect((await t.receiver.get(`/api/staff/errands/${id}`)).statusCode).toBe(200);
    const db = t.fixture.database.db;
    const deleted = await db
      .transaction()
      .execute((trx) => deleteErrandForRetention(trx, listed as NonNullable<typeof listed>, t.now));
    expect(deleted).toBe(false);
    expect(await db.selectFrom('errand_message').select('id').where('errand_id', '=', id).execute()).toHaveLength(1);
    expect((await db.selectFrom('errand_event').select('id').where('errand_id', '=', id).execute()).length).toBe(2);
    expect(await db.selectFrom('errand_tombstone').select('id').where('id', '=', id).execute()).toEqual([]);
  });
});
