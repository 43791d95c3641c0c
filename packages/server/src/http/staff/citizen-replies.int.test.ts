import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitMailboxDigestJob } from '../../jobs/unit-mailbox-digest.job.ts';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';

// A citizen's reply surfaces at the unit (issue 18): marked in every staff list until answered,
// the unit's mailbox told (content-free) or a daily digest instead, the caregiver answers with a
// message only, and answered errands leave "Mina ärenden" by default. On both databases.
describe.each(DIALECTS)("citizens' replies at the unit on %s", (dialect) => {
  let f: ErrandFixture;
  let citizen: Client;
  let receiver: Client;
  let doctor: Client;
  let otherCaregiver: Client;
  const UNIT_MAILBOX = 'mottagningen@region.example';

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
  /** Sent, assigned to the doctor, answered with a reply allowed. */
  const answered = async (medicine: string): Promise<string> => {
    const id = await send(medicine);
    expect(
      (await receiver.post(`/api/staff/errands/${id}/assign`, { caregiverHsaId: f.personas.staff.doctor.hsaId }))
        .statusCode,
    ).toBe(204);
    const answer = await doctor.post(`/api/staff/errands/${id}/answer`, {
      answers: { medicines: [{ item: medicine, decision: 'renewed' }], message: 'Förnyat.', citizenMayReply: true },
    });
    expect(answer.statusCode, answer.body).toBe(204);
    return id;
  };
  const outboxFor = (recipient: string) =>
    f.database.db.selectFrom('outbox').selectAll().where('recipient', '=', recipient).orderBy('created_at').execute();
  const setMailbox = (mailboxNotifications: 'each' | 'daily-digest') =>
    f.database.db
      .updateTable('unit_setting')
      .set({ notification_email: UNIT_MAILBOX, mailbox_notifications: mailboxNotifications })
      .where('unit_hsa_id', '=', f.unit)
      .execute();
  const summaryIn = async (client: Client, url: string, id: string) =>
    (await client.get(url)).json().items.find((item: { id: string }) => item.id === id);

  beforeAll(async () => {
    f = await createErrandFixture(dialect);
    citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    doctor = await f.staff(f.personas.staff.doctor.hsaId, f.unit);
    otherCaregiver = await f.staff(f.personas.staff.secondDoctor.hsaId, f.unit);
    const existing = await f.database.db
      .selectFrom('unit_setting')
      .select('unit_hsa_id')
      .where('unit_hsa_id', '=', f.unit)
      .executeTakeFirst();
    if (!existing) {
      await f.database.db
        .insertInto('unit_setting')
        .values({
          unit_hsa_id: f.unit,
          notification_email: UNIT_MAILBOX,
          staff_names: 'full-name',
          updated_at: Date.now(),
          updated_by: null,
        })
        .execute();
    }
  });
  afterAll(async () => f.close());

  it('marks a reply in the inbox and in "Mina ärenden", tells the mailbox without content, and the doctor answers with a message only', async () => {
    await setMailbox('each');
    const id = await answered('Levaxin');
    const mailBefore = (await outboxFor(UNIT_MAILBOX)).length;

    // Answered: out of the doctor's default list, in "all".
    expect(await summaryIn(doctor, '/api/staff/my-errands', id)).toBeUndefined();
    expect(await summaryIn(doctor, '/api/staff/my-errands?show=all', id)).toMatchObject({
      status: 'answered',
      citizenReplyAt: null,
    });

    expect(
      (await citizen.post(`/api/citizen/errands/${id}/replies`, { message: 'Gäller det 100 mikrogram?' })).statusCode,
    ).toBe(204);
    const mine = await summaryIn(doctor, '/api/staff/my-errands', id);
    expect(mine).toMatchObject({ status: 'assigned', citizenReplyAt: expect.any(Number) });
    expect(await summaryIn(receiver, '/api/staff/inbox?filter=all', id)).toMatchObject({
      citizenReplyAt: mine.citizenReplyAt,
    });
    const mail = (await outboxFor(UNIT_MAILBOX)).slice(mailBefore);
    expect(mail).toEqual([
      expect.objectContaining({ template: 'errand-reply-received', errand_id: id, channel: 'email' }),
    ]);
    expect(JSON.stringify(mail)).not.toContain('mikrogram');

    // A message only: the structured answer stands, the mark goes, the citizen is told.
    const message = await doctor.post(`/api/staff/errands/${id}/message`, {
      message: 'Ja, samma styrka som förut.',
      citizenMayReply: true,
    });
    expect(message.statusCode, message.body).toBe(204);
    expect(await summaryIn(doctor, '/api/staff/my-errands', id)).toBeUndefined();
    expect(await summaryIn(receiver, '/api/staff/inbox?filter=all', id)).toMatchObject({
      status: 'answered',
      citizenReplyAt: null,
    });
    expect(await summaryIn(citizen, '/api/citizen/errands?folder=inbox', id)).toMatchObject({ unread: true });
    const errand = (await citizen.get(`/api/citizen/errands/${id}`)).json();
    expect(errand).toMatchObject({ replyAllowed: true });
    expect(errand.messages.map((m: { kind: string }) => m.kind)).toEqual([
      'submission',
      'answer',
      'citizen-reply',
      'answer',
    ]);
    expect(errand.messages.at(-1)).toMatchObject({ answers: { message: 'Ja, samma styrka som förut.' }, form: null });
    // Written to the access log as an answer.
    const log = await f.database.db.selectFrom('access_log').select('action').where('errand_id', '=', id).execute();
    expect(log.filter((row) => row.action === 'answer')).toHaveLength(2);
  });

  it('refuses a message-only answer before any structured answer (409), from others than the assigned caregiver, and empty messages (400)', async () => {
    const id = await send('Alvedon');
    await receiver.post(`/api/staff/errands/${id}/assign`, { caregiverHsaId: f.personas.staff.doctor.hsaId });
    const early = await doctor.post(`/api/staff/errands/${id}/message`, { message: 'Hej' });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe('structured-answer-required');

    const replied = await answered('Omeprazol');
    await citizen.post(`/api/citizen/errands/${replied}/replies`, { message: 'En fråga till' });
    const before = await f.database.db.selectFrom('errand').selectAll().where('id', '=', replied).executeTakeFirst();
    // Not the one assigned: 404 (they cannot see it); a receiver as such does not answer: 403.
    expect((await otherCaregiver.post(`/api/staff/errands/${replied}/message`, { message: 'x' })).statusCode).toBe(404);
    expect((await receiver.post(`/api/staff/errands/${replied}/message`, { message: 'x' })).statusCode).toBe(403);
    expect((await citizen.post(`/api/staff/errands/${replied}/message`, { message: 'x' })).statusCode).toBe(404);
    for (const body of [{}, { message: '' }, { message: 'x'.repeat(5001) }, { message: 'x', extra: 1 }]) {
      const response = await doctor.post(`/api/staff/errands/${replied}/message`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().errors[0].path).toMatch(/^body/);
    }
    expect(
      (await f.app.inject({ method: 'POST', url: `/api/staff/errands/${replied}/message`, payload: { message: 'x' } }))
        .statusCode,
    ).toBe(401);
    const after = await f.database.db.selectFrom('errand').selectAll().where('id', '=', replied).executeTakeFirst();
    expect(after).toEqual(before);
    expect((await doctor.get('/api/staff/my-errands?show=everything')).statusCode).toBe(400);
  });

  it('a unit on a daily digest gets no e-mail per reply, and one content-free digest when something came', async () => {
    await setMailbox('daily-digest');
    const mailBefore = (await outboxFor(UNIT_MAILBOX)).length;
    const id = await answered('Waran');
    expect((await citizen.post(`/api/citizen/errands/${id}/replies`, { message: 'Tack' })).statusCode).toBe(204);
    expect((await outboxFor(UNIT_MAILBOX)).length).toBe(mailBefore);

    const run = (at: number) =>
      unitMailboxDigestJob().run({
        database: f.database,
        now: new Date(at),
        logger: { debug() {}, info() {}, warn() {}, error() {} },
        signal: new AbortController().signal,
        checkpoint: async () => {},
      });
    const first = Date.now() + 60_000;
    expect(await run(first)).toEqual({ counts: { sent: 1 } });
    const digests = (await outboxFor(UNIT_MAILBOX)).slice(mailBefore);
    expect(digests).toEqual([
      expect.objectContaining({ template: 'unit-daily-digest', errand_id: null, citizen_id: null }),
    ]);
    // Nothing new since: no second digest, however often it runs.
    expect(await run(first + 86_400_000)).toEqual({ counts: { sent: 0 } });
    expect((await outboxFor(UNIT_MAILBOX)).length).toBe(mailBefore + 1);
  });

  it('the unit administrator chooses the digest in the unit settings', async () => {
    const admin = await f.staff(f.personas.staff.unitAdministrator.hsaId, f.unit);
    const current = (await admin.get(`/api/admin/units/${f.unit}/settings`)).json();
    const changed = await admin.put(`/api/admin/units/${f.unit}/settings`, {
      notificationEmail: current.notificationEmail ?? UNIT_MAILBOX,
      staffNames: current.staffNames,
      mailboxNotifications: 'each',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().mailboxNotifications).toBe('each');
    const bad = await admin.put(`/api/admin/units/${f.unit}/settings`, {
      notificationEmail: UNIT_MAILBOX,
      staffNames: 'full-name',
      mailboxNotifications: 'weekly',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.mailboxNotifications');
  });
});
