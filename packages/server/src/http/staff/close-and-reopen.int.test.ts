import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { verifyAccessLog } from '../../use-cases/access-log/verify-access-log.ts';

// Closing safely (issue 18): an unanswered errand closes only with a message to the citizen, and a
// receiver can reopen a closed errand. On both databases.
describe.each(DIALECTS)('closing and reopening errands on %s', (dialect) => {
  let f: ErrandFixture;
  let citizen: Client;
  let receiver: Client;
  let doctor: Client;
  let caregiverOnly: Client;
  let otherUnitReceiver: Client;
  let otherCitizen: Client;

  const send = async (medicine: string): Promise<string> => {
    const form = (await citizen.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).json();
    const sent = await citizen.post('/api/citizen/errands', {
      unitHsaId: f.unit,
      errandType: 'renew-prescription',
      formVersionId: form.formVersionId,
      answers: prescriptionAnswers(medicine),
    });
    expect(sent.statusCode).toBe(201);
    return sent.json().id;
  };
  const close = (client: Client, id: string, body: unknown = {}) => client.post(`/api/staff/errands/${id}/close`, body);
  const reopen = (client: Client, id: string) => client.post(`/api/staff/errands/${id}/reopen`);
  const errandRow = (id: string) =>
    f.database.db.selectFrom('errand').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    f = await createErrandFixture(dialect);
    citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    otherCitizen = await f.citizen(f.personas.citizens.tolvan.personnummer);
    receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    doctor = await f.staff(f.personas.staff.doctor.hsaId, f.unit);
    caregiverOnly = await f.staff(f.personas.staff.secondDoctor.hsaId, f.unit);
    otherUnitReceiver = await f.staffElsewhere('receiver', f.unit);
    const citizenId = (
      await f.database.db
        .selectFrom('citizen')
        .select('id')
        .where('personnummer', '=', f.personas.citizens.adult.personnummer)
        .executeTakeFirstOrThrow()
    ).id;
    await f.database.db
      .insertInto('citizen_contact')
      .values({
        citizen_id: citizenId,
        email: 'karl@example.se',
        email_verified_at: Date.now(),
        mobile: null,
        mobile_verified_at: null,
        language: 'sv',
        updated_at: Date.now(),
      })
      .execute();
  });
  afterAll(async () => f.close());

  it('refuses to close an unanswered errand without a message (400 naming body.message), and changes nothing', async () => {
    const id = await send('Levaxin');
    const before = await errandRow(id);
    for (const body of [{}, { message: '   ' }]) {
      const response = await close(receiver, id, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([expect.objectContaining({ path: 'body.message', code: 'required' })]);
    }
    const tooLong = await close(receiver, id, { message: 'x'.repeat(5001) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors).toEqual([expect.objectContaining({ path: 'body.message' })]);
    expect(await errandRow(id)).toEqual(before);
  });

  it('closes an unanswered errand with a message: the citizen reads it in the thread and is notified without content', async () => {
    const id = await send('Levaxin');
    const text = 'Vi har ringt dig och pratat om ditt ärende.';
    expect((await close(receiver, id, { message: text })).statusCode).toBe(204);

    const archive = (await citizen.get('/api/citizen/errands?folder=archive')).json();
    expect(archive.items.find((e: { id: string }) => e.id === id)).toMatchObject({ unread: true, status: 'closed' });
    const errand = (await citizen.get(`/api/citizen/errands/${id}`)).json();
    expect(errand.messages.at(-1)).toMatchObject({ kind: 'answer', answers: { message: text }, form: null });
    expect(errand.history.map((h: { type: string }) => h.type)).toEqual(['sent', 'closed', 'read-by-citizen']);

    const notes = await f.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('errand_id', '=', id)
      .where('template', '=', 'errand-answered')
      .execute();
    expect(notes).toEqual([expect.objectContaining({ channel: 'email', recipient: 'karl@example.se' })]);
    expect(JSON.stringify(notes)).not.toContain('ringt');
    // At rest the message is sealed like an answer.
    const stored = await f.database.db.selectFrom('errand_message').selectAll().where('errand_id', '=', id).execute();
    expect(Buffer.concat(stored.map((m) => Buffer.from(m.content))).toString('latin1')).not.toContain('ringt');
  });

  it('closes an answered errand without a message, and sends no new notification', async () => {
    const id = await send('Sertralin');
    await receiver.post(`/api/staff/errands/${id}/assign`, { caregiverHsaId: f.personas.staff.doctor.hsaId });
    await doctor.post(`/api/staff/errands/${id}/answer`, {
      answers: { medicines: [{ item: 'Sertralin', decision: 'renewed' }], message: 'Klart.', citizenMayReply: false },
    });
    const outbox = () => f.database.db.selectFrom('outbox').select('id').where('errand_id', '=', id).execute();
    const before = await outbox();
    expect((await close(doctor, id)).statusCode).toBe(204);
    const errand = (await citizen.get(`/api/citizen/errands/${id}`)).json();
    expect(errand.messages.map((m: { kind: string }) => m.kind)).toEqual(['submission', 'answer']);
    expect(await outbox()).toEqual(before);

    // The caregiver who answered may still read it, but reopening is the receivers' (403).
    const refused = await reopen(doctor, id);
    expect(refused.statusCode).toBe(403);
    expect((await errandRow(id)).status).toBe('closed');
  });

  it('a receiver reopens a closed errand: back in the inbox, an event in the history, a row in the access log', async () => {
    const id = await send('Levaxin');
    expect((await close(receiver, id, { message: 'Ärendet hanteras vid ditt besök.' })).statusCode).toBe(204);
    expect((await reopen(receiver, id)).statusCode).toBe(204);

    const staffView = (await receiver.get(`/api/staff/errands/${id}`)).json();
    expect(staffView).toMatchObject({ status: 'open', assignedTo: null });
    expect(staffView.history.map((h: { type: string }) => h.type)).toEqual(['sent', 'closed', 'reopened']);
    expect(staffView.history.at(-1).actor.kind).toBe('staff');
    expect(await errandRow(id)).toMatchObject({ archived_by_citizen: 0, waiting_since: expect.anything() });

    const log = await f.database.db
      .selectFrom('access_log')
      .selectAll()
      .where('errand_id', '=', id)
      .where('action', '=', 'reopen')
      .execute();
    expect(log).toEqual([expect.objectContaining({ staff_hsa_id: f.personas.staff.receiver.hsaId, role: 'receiver' })]);
    const citizenLog = (await citizen.get('/api/citizen/access-log')).json().items;
    expect(citizenLog.map((e: { action: string }) => e.action)).toContain('reopen');
    expect((await verifyAccessLog(f.database)).problems).toEqual([]);

    // Reopened, it closes again only with a message (nobody has answered it yet).
    expect((await close(receiver, id)).statusCode).toBe(400);
  });

  it('refuses to reopen an errand that is not closed (409)', async () => {
    const id = await send('Levaxin');
    const response = await reopen(receiver, id);
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toBe('not-closed');
  });

  it('hides close and reopen from the citizen, other citizens, another unit and caregivers without the errand (404)', async () => {
    const open = await send('Levaxin');
    const closed = await send('Levaxin');
    expect((await close(receiver, closed, { message: 'Boka tid via mottagningens telefon.' })).statusCode).toBe(204);
    const before = [await errandRow(open), await errandRow(closed)];
    const refused = { citizen, otherCitizen, otherUnitReceiver, caregiverOnly, doctor };
    for (const [name, who] of Object.entries(refused)) {
      expect((await close(who, open, { message: 'x' })).statusCode, name).toBe(404);
      expect((await reopen(who, closed)).statusCode, name).toBe(404);
    }
    expect([await errandRow(open), await errandRow(closed)]).toEqual(before);
  });

  it('refuses close and reopen without a login (401)', async () => {
    const id = await send('Levaxin');
    for (const url of [`/api/staff/errands/${id}/close`, `/api/staff/errands/${id}/reopen`]) {
      expect((await f.app.inject({ method: 'POST', url, payload: {} })).statusCode).toBe(401);
    }
  });
});
