import { randomUUID } from 'node:crypto';
import type { CitizenActor } from '@kontakta/domain';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../testing/errand-fixture.ts';
import { DIALECTS } from '../testing/test-databases.ts';
import { sendErrand } from '../use-cases/errands/send-errand.ts';
import {
  beginIdempotentRequest,
  EXPIRED_DELETED_PER_CLAIM,
  IDEMPOTENCY_KEY_LIFETIME_MS,
} from '../use-cases/idempotency/begin-idempotent-request.ts';
import type { UseCaseContext } from '../use-cases/services.ts';

// Issue 13.3, duplicate submissions: with an `Idempotency-Key`, sending, answering and replying
// happen once however often the request comes, on both databases.
describe.each(DIALECTS)('Idempotency-Key on %s', (dialect) => {
  let now = Date.now();
  let f: ErrandFixture;
  let owner: Client;
  let otherCitizen: Client;
  let receiver: Client;
  let doctor: Client;
  let formVersionId: string;

  const withKey = (key: string) => ({ 'idempotency-key': key });
  const sendBody = (medicine: string) => ({
    unitHsaId: f.unit,
    errandType: 'renew-prescription',
    formVersionId,
    answers: prescriptionAnswers(medicine),
  });
  const answerBody = (message: string) => ({
    answers: { medicines: [{ item: 'Levaxin', decision: 'renewed' }], message, citizenMayReply: true },
  });
  const errandIds = async () => (await f.database.db.selectFrom('errand').select('id').execute()).map((e) => e.id);
  const messages = async (errandId: string, kind: 'answer' | 'citizen-reply') =>
    f.database.db
      .selectFrom('errand_message')
      .select('id')
      .where('errand_id', '=', errandId)
      .where('kind', '=', kind)
      .execute();
  const keyRows = async (key: string) =>
    f.database.db.selectFrom('idempotency_key').selectAll().where('key', '=', key).execute();
  const replayed = (response: LightMyRequestResponse) => response.headers['idempotent-replayed'];

  /** An errand of the owner's, assigned to the doctor. */
  async function assignedErrand(): Promise<string> {
    const id = (await owner.post('/api/citizen/errands', sendBody('Levaxin'))).json().id as string;
    const assigned = await receiver.post(`/api/staff/errands/${id}/assign`, {
      caregiverHsaId: f.personas.staff.doctor.hsaId,
    });
    expect(assigned.statusCode).toBe(204);
    return id;
  }

  /** An errand the doctor has answered, letting the citizen reply. */
  async function answeredErrand(): Promise<string> {
    const id = await assignedErrand();
    expect((await doctor.post(`/api/staff/errands/${id}/answer`, answerBody('Klart.'))).statusCode).toBe(204);
    return id;
  }

  /** Two requests at once: exactly one did the work, the other was refused (409) or repeated its answer. */
  function expectOneDone([a, b]: LightMyRequestResponse[], status: number) {
    const responses = [a, b] as LightMyRequestResponse[];
    const done = responses.filter((r) => r.statusCode === status && replayed(r) === undefined);
    expect(done, responses.map((r) => `${r.statusCode} ${r.body}`).join(' | ')).toHaveLength(1);
    const other = responses.find((r) => r !== done[0]) as LightMyRequestResponse;
    if (other.statusCode === 409) {
      expect(other.json()).toMatchObject({ code: 'conflict', detail: 'idempotency-key-in-use' });
    } else {
      expect(other.statusCode).toBe(status);
      expect(replayed(other)).toBe('true');
      expect(other.body).toBe(done[0]?.body);
    }
  }

  beforeAll(async () => {
    f = await createErrandFixture(dialect, { clock: () => now });
    owner = await f.citizen(f.personas.citizens.adult.personnummer);
    otherCitizen = await f.citizen(f.personas.citizens.tolvan.personnummer);
    receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    doctor = await f.staff(f.personas.staff.doctor.hsaId, f.unit);
    formVersionId = (await owner.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).json()
      .formVersionId;
  });
  afterAll(async () => f.close());

  it('without the header, the same request twice does the work twice, as before', async () => {
    const before = (await errandIds()).length;
    expect((await owner.post('/api/citizen/errands', sendBody('Levaxin'))).statusCode).toBe(201);
    expect((await owner.post('/api/citizen/errands', sendBody('Levaxin'))).statusCode).toBe(201);
    expect(await errandIds()).toHaveLength(before + 2);
  });

  it('send: the same key twice makes one errand, and the repeat gets the same answer, marked', async () => {
    const before = await errandIds();
    const key = randomUUID();
    const first = await owner.post('/api/citizen/errands', sendBody('Levaxin'), withKey(key));
    expect(first.statusCode).toBe(201);
    expect(replayed(first)).toBeUndefined();
    const again = await owner.post('/api/citizen/errands', sendBody('Levaxin'), withKey(key));
    expect(again.statusCode).toBe(201);
    expect(replayed(again)).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await errandIds()).toEqual(expect.arrayContaining([...before, first.json().id]));
    expect(await errandIds()).toHaveLength(before.length + 1);
    const received = await f.database.db
      .selectFrom('outbox')
      .select('id')
      .where('errand_id', '=', first.json().id)
      .execute();
    expect(received).toHaveLength(1);

    // What is kept: the actor, the key, a keyed hash of the request and the response (an id).
    const rows = await keyRows(key);
    expect(rows).toEqual([
      expect.objectContaining({
        actor: expect.stringMatching(/^citizen:[0-9a-f-]{36}$/),
        status_code: 201,
        response_body: JSON.stringify({ id: first.json().id }),
        fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
        fingerprint_key_id: 'test-key',
      }),
    ]);
    expect(JSON.stringify(rows)).not.toContain('Levaxin');
  });

  it('send: the same key with another body is 422 and changes nothing; so is the key on another route', async () => {
    const key = randomUUID();
    const first = await owner.post('/api/citizen/errands', sendBody('Levaxin'), withKey(key));
    expect(first.statusCode).toBe(201);
    const before = await errandIds();
    const rowsBefore = await keyRows(key);

    const other = await owner.post('/api/citizen/errands', sendBody('Alvedon'), withKey(key));
    expect(other.statusCode).toBe(422);
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(other.json()).toMatchObject({ status: 422, code: 'idempotency-key-reused' });
    expect(other.body).not.toContain(first.json().id);

    const elsewhere = await owner.post(
      `/api/citizen/errands/${first.json().id}/replies`,
      { message: 'x' },
      withKey(key),
    );
    expect(elsewhere.statusCode).toBe(422);
    expect(await errandIds()).toEqual(before);
    expect(await keyRows(key)).toEqual(rowsBefore);
  });

  it("keys are each actor's own: another citizen's or staff member's same key is a new key", async () => {
    const key = randomUUID();
    const mine = await owner.post('/api/citizen/errands', sendBody('Levaxin'), withKey(key));
    expect(mine.statusCode).toBe(201);
    // The same key and body from someone else: their own errand, nothing repeated from the owner's.
    const theirs = await otherCitizen.post('/api/citizen/errands', sendBody('Levaxin'), withKey(key));
    expect(theirs.statusCode).toBe(201);
    expect(replayed(theirs)).toBeUndefined();
    expect(theirs.json().id).not.toBe(mine.json().id);
    // The same key with another request is no 422 for a staff member: the owner's key tells them nothing.
    const id = await assignedErrand();
    const answered = await doctor.post(`/api/staff/errands/${id}/answer`, answerBody('Klart.'), withKey(key));
    expect(answered.statusCode).toBe(204);
    expect(replayed(answered)).toBeUndefined();
    expect(await messages(id, 'answer')).toHaveLength(1);
    const owners = (await keyRows(key)).map((r) => r.actor.split(':')[0]).sort();
    expect(owners).toEqual(['citizen', 'citizen', 'staff']);
  });

  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(256)],
    ['not printable', 'nyckel\tmed tabb'],
    ['not ASCII', 'nyckel-ä'],
  ])('a malformed key (%s) is 400 naming the header, and nothing is done', async (_what, key) => {
    const before = await errandIds();
    const response = await owner.post('/api/citizen/errands', sendBody('Levaxin'), withKey(key));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ path: 'headers.idempotency-key' });
    expect(await errandIds()).toEqual(before);
    expect(await keyRows(key)).toEqual([]);
  });

  it('accepts 255 printable characters as a key', async () => {
    const key = `${randomUUID()} ~!"#$%&'()*+,-./:;<=>?@[\\]^_\`{|}`.padEnd(255, 'x');
    const first = await owner.post('/api/citizen/errands', sendBody('Levaxin'), withKey(key));
    expect(first.statusCode).toBe(201);
    const again = await owner.post('/api/citizen/errands', sendBody('Levaxin'), withKey(key));
    expect(again.json()).toEqual(first.json());
  });

  it('a request that failed keeps nothing: the key is free for the retry', async () => {
    const key = randomUUID();
    const before = await errandIds();
    const refused = await owner.post(
      '/api/citizen/errands',
      { ...sendBody('Levaxin'), answers: { medicines: [] } },
      withKey(key),
    );
    expect(refused.statusCode).toBe(400);
    expect(await keyRows(key)).toEqual([]);
    expect(await errandIds()).toEqual(before);
    const sent = await owner.post('/api/citizen/errands', sendBody('Levaxin'), withKey(key));
    expect(sent.statusCode).toBe(201);
    expect(replayed(sent)).toBeUndefined();
  });

  it('send: two requests with the same key at once make exactly one errand', async () => {
    for (let round = 0; round < 3; round++) {
      const before = (await errandIds()).length;
      const key = randomUUID();
      const responses = await Promise.all([
        owner.post('/api/citizen/errands', sendBody('Levaxin'), withKey(key)),
        owner.post('/api/citizen/errands', sendBody('Levaxin'), withKey(key)),
      ]);
      expectOneDone(responses, 201);
      expect(await errandIds()).toHaveLength(before + 1);
    }
  });

  it('answer: the same key answers once, repeats the 204, and is 422 with another answer or errand', async () => {
    const id = await assignedErrand();
    const key = randomUUID();
    const url = `/api/staff/errands/${id}/answer`;
    const first = await doctor.post(url, answerBody('Receptet är förnyat.'), withKey(key));
    expect(first.statusCode).toBe(204);
    expect(replayed(first)).toBeUndefined();
    const again = await doctor.post(url, answerBody('Receptet är förnyat.'), withKey(key));
    expect(again.statusCode).toBe(204);
    expect(replayed(again)).toBe('true');
    expect(again.body).toBe('');
    expect(await messages(id, 'answer')).toHaveLength(1);
    const events = await f.database.db
      .selectFrom('errand_event')
      .select('type')
      .where('errand_id', '=', id)
      .where('type', '=', 'answered')
      .execute();
    expect(events).toHaveLength(1);

    expect((await doctor.post(url, answerBody('Ett annat svar.'), withKey(key))).json().code).toBe(
      'idempotency-key-reused',
    );
    const otherErrand = await assignedErrand();
    const elsewhere = await doctor.post(
      `/api/staff/errands/${otherErrand}/answer`,
      answerBody('Receptet är förnyat.'),
      withKey(key),
    );
    expect(elsewhere.statusCode).toBe(422);
    expect(await messages(otherErrand, 'answer')).toHaveLength(0);
    expect(await messages(id, 'answer')).toHaveLength(1);
    const [row] = await keyRows(key);
    expect(row).toMatchObject({ actor: `staff:${f.personas.staff.doctor.hsaId}`, status_code: 204 });
    expect(row?.response_body).toBeNull();
    // Without a key a second answer is a second answer, as before.
    expect((await doctor.post(url, answerBody('Receptet är förnyat.'))).statusCode).toBe(204);
    expect(await messages(id, 'answer')).toHaveLength(2);
  });

  it('answer: two requests with the same key at once make exactly one answer', async () => {
    for (let round = 0; round < 2; round++) {
      const id = await assignedErrand();
      const key = randomUUID();
      const url = `/api/staff/errands/${id}/answer`;
      const responses = await Promise.all([
        doctor.post(url, answerBody('Klart.'), withKey(key)),
        doctor.post(url, answerBody('Klart.'), withKey(key)),
      ]);
      expectOneDone(responses, 204);
      expect(await messages(id, 'answer')).toHaveLength(1);
    }
  });

  it('reply: the same key replies once and repeats the 204; another message is 422', async () => {
    const id = await answeredErrand();
    const key = randomUUID();
    const url = `/api/citizen/errands/${id}/replies`;
    const first = await owner.post(url, { message: 'Tack!' }, withKey(key));
    expect(first.statusCode).toBe(204);
    const again = await owner.post(url, { message: 'Tack!' }, withKey(key));
    expect(again.statusCode).toBe(204);
    expect(replayed(again)).toBe('true');
    expect(await messages(id, 'citizen-reply')).toHaveLength(1);
    expect((await owner.post(url, { message: 'Tack igen!' }, withKey(key))).statusCode).toBe(422);
    // A new key is a new reply, which the errand no longer allows.
    const anotherReply = await owner.post(url, { message: 'Tack!' }, withKey(randomUUID()));
    expect(anotherReply.statusCode).toBe(409);
    expect(anotherReply.json().detail).toBe('reply-not-allowed');
    expect(await messages(id, 'citizen-reply')).toHaveLength(1);
    expect(JSON.stringify(await keyRows(key))).not.toContain('Tack');
  });

  it('reply: two requests with the same key at once make exactly one reply', async () => {
    const id = await answeredErrand();
    const key = randomUUID();
    const url = `/api/citizen/errands/${id}/replies`;
    const responses = await Promise.all([
      owner.post(url, { message: 'Tack!' }, withKey(key)),
      owner.post(url, { message: 'Tack!' }, withKey(key)),
    ]);
    expectOneDone(responses, 204);
    expect(await messages(id, 'citizen-reply')).toHaveLength(1);
  });

  it('a claim whose request died is 409 until the request timeout, then taken over; the late request changes nothing', async () => {
    const person = await f.database.db
      .selectFrom('citizen')
      .select('id')
      .where('personnummer', '=', f.personas.citizens.adult.personnummer)
      .executeTakeFirstOrThrow();
    const actor: CitizenActor = {
      kind: 'citizen',
      citizenId: person.id,
      personnummer: f.personas.citizens.adult.personnummer,
      loginMethod: 'eid',
      sessionId: 'test',
    };
    const ctx: UseCaseContext<CitizenActor> = { ...f.services, clock: () => now, actor, now };
    const key = randomUUID();
    const body = sendBody('Levaxin');
    // A request claims the key, as the route does, and then stalls (or its process dies).
    const start = await beginIdempotentRequest(ctx, {
      key,
      method: 'POST',
      route: '/api/citizen/errands',
      params: {},
      body,
    });
    expect(start.kind).toBe('claimed');
    if (start.kind !== 'claimed') return;

    const busy = await owner.post('/api/citizen/errands', body, withKey(key));
    expect(busy.statusCode).toBe(409);
    expect(busy.json()).toMatchObject({ code: 'conflict', detail: 'idempotency-key-in-use' });

    now += f.config.requestTimeoutMs + 1;
    const before = (await errandIds()).length;
    const retry = await owner.post('/api/citizen/errands', body, withKey(key));
    expect(retry.statusCode).toBe(201);
    expect(replayed(retry)).toBeUndefined();

    // The stalled request wakes up: its errand is rolled back with the key it no longer holds.
    const late = sendErrand(
      { ...ctx, now },
      { ...body, language: 'sv' },
      { claim: start.claim, response: (created) => ({ statusCode: 201, body: created }) },
    );
    await expect(late).rejects.toMatchObject({ code: 'conflict', message: 'idempotency-key-in-use' });
    expect(await errandIds()).toHaveLength(before + 1);
    const again = await owner.post('/api/citizen/errands', body, withKey(key));
    expect(again.json()).toEqual(retry.json());
  });

  // Last: moving the clock a day on ends every session of this fixture.
  it('a key older than 24 hours is forgotten: the same request is new again, and old keys are deleted', async () => {
    const key = randomUUID();
    const first = await owner.post('/api/citizen/errands', sendBody('Levaxin'), withKey(key));
    expect(first.statusCode).toBe(201);
    const stale = await f.database.db.selectFrom('idempotency_key').select('key').execute();
    // Each new key deletes this many expired ones, so one new key here deletes all of them.
    expect(stale.length).toBeLessThan(EXPIRED_DELETED_PER_CLAIM);

    now += IDEMPOTENCY_KEY_LIFETIME_MS - 60_000;
    const owner2 = await f.citizen(f.personas.citizens.adult.personnummer);
    const stillRemembered = await owner2.post('/api/citizen/errands', sendBody('Levaxin'), withKey(key));
    expect(replayed(stillRemembered)).toBe('true');

    now += 2 * 60_000;
    const owner3 = await f.citizen(f.personas.citizens.adult.personnummer);
    const before = (await errandIds()).length;
    const again = await owner3.post('/api/citizen/errands', sendBody('Levaxin'), withKey(key));
    expect(again.statusCode).toBe(201);
    expect(replayed(again)).toBeUndefined();
    expect(again.json().id).not.toBe(first.json().id);
    expect(await errandIds()).toHaveLength(before + 1);
    const left = await f.database.db.selectFrom('idempotency_key').select(['key', 'created_at']).execute();
    expect(left).toEqual([{ key, created_at: now }]);
  });
});
