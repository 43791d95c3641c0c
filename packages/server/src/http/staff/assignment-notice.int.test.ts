import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';

// An optional, content-free e-mail to a caregiver when an errand is assigned to them (issue 18
// pt 4): chosen by the caregiver on their profile (and confirmed with a code), sent in the assignment's transaction, none for
// what they did themselves, one for a bulk routing. On both databases.
describe.each(DIALECTS)('the assignment notice on %s', (dialect) => {
  let f: ErrandFixture;
  let citizen: Client;
  let receiver: Client;
  let doctor: Client;
  let nurse: Client;
  const DOCTOR_EMAIL = 'doktorn@vardcentralen.example.se';

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
  const noticesTo = async (recipient: string) =>
    f.database.db
      .selectFrom('outbox')
      .select(['template', 'channel', 'errand_id', 'parameters', 'citizen_id'])
      .where('template', '=', 'errand-assigned')
      .where('recipient', '=', recipient)
      .execute();

  /** Sets the address and confirms it with the code sent to it (assignment-email-confirmation.int.test.ts). */
  const chooseEmail = async (who: Client, email: string) => {
    const saved = await who.put('/api/staff/me/notices', { assignmentEmail: `  ${email} ` });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ assignmentEmail: email, assignmentEmailConfirmed: false });
    const row = await f.database.db
      .selectFrom('outbox')
      .select('parameters')
      .where('template', '=', 'contact-verification')
      .where('recipient', '=', email)
      .executeTakeFirstOrThrow();
    const { code } = JSON.parse(row.parameters) as { code: string };
    const confirmed = await who.post('/api/staff/me/notices/confirm', { code });
    expect(confirmed.json()).toEqual({ assignmentEmail: email, assignmentEmailConfirmed: true });
  };

  beforeAll(async () => {
    f = await createErrandFixture(dialect);
    citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    doctor = await f.staff(f.personas.staff.doctor.hsaId, f.unit);
    nurse = await f.staff(f.personas.staff.nurse.hsaId, f.unit);
  });
  afterAll(async () => f.close());

  it('is off until the caregiver sets an address on their profile', async () => {
    const shown = await doctor.get('/api/staff/me/notices');
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual({ assignmentEmail: null, assignmentEmailConfirmed: false });
    const id = await send('Levaxin');
    expect(
      (await receiver.post(`/api/staff/errands/${id}/assign`, { caregiverHsaId: f.personas.staff.doctor.hsaId }))
        .statusCode,
    ).toBe(204);
    expect(
      await f.database.db.selectFrom('outbox').select('id').where('template', '=', 'errand-assigned').execute(),
    ).toEqual([]);
  });

  it('sends one content-free e-mail per assignment once chosen, and none after it is cleared', async () => {
    await chooseEmail(doctor, DOCTOR_EMAIL);
    expect((await doctor.get('/api/staff/me/notices')).json()).toEqual({
      assignmentEmail: DOCTOR_EMAIL,
      assignmentEmailConfirmed: true,
    });
    // Each staff member's own: the receiver still has none.
    expect((await receiver.get('/api/staff/me/notices')).json()).toEqual({
      assignmentEmail: null,
      assignmentEmailConfirmed: false,
    });

    const id = await send('Alvedon');
    await receiver.post(`/api/staff/errands/${id}/assign`, { caregiverHsaId: f.personas.staff.doctor.hsaId });
    const notices = await noticesTo(DOCTOR_EMAIL);
    expect(notices).toEqual([
      { template: 'errand-assigned', channel: 'email', errand_id: id, parameters: '{}', citizen_id: null },
    ]);

    // Bulk routing: one e-mail for the lot.
    const ids = [await send('A'), await send('B'), await send('C')];
    const bulk = await receiver.post('/api/staff/errands/assign', {
      errandIds: ids,
      caregiverHsaId: f.personas.staff.doctor.hsaId,
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(await noticesTo(DOCTOR_EMAIL)).toHaveLength(2);

    expect((await doctor.put('/api/staff/me/notices', { assignmentEmail: null })).json()).toEqual({
      assignmentEmail: null,
      assignmentEmailConfirmed: false,
    });
    await receiver.post(`/api/staff/errands/${await send('D')}/assign`, {
      caregiverHsaId: f.personas.staff.doctor.hsaId,
    });
    expect(await noticesTo(DOCTOR_EMAIL)).toHaveLength(2);
  });

  it('tells nobody of an errand they took themselves', async () => {
    const email = 'sjukskoterskan@vardcentralen.example.se';
    await chooseEmail(nurse, email);
    const id = await send('E');
    expect(
      (await nurse.post(`/api/staff/errands/${id}/assign`, { caregiverHsaId: f.personas.staff.nurse.hsaId }))
        .statusCode,
    ).toBe(204);
    expect(await noticesTo(email)).toEqual([]);
  });

  it('refuses a bad address naming the field (400), citizens (404 or 401/403), and no login (401)', async () => {
    for (const body of [
      { assignmentEmail: 'inte en adress' },
      { assignmentEmail: 'a@b' },
      { assignmentEmail: 'x'.repeat(255) },
      { assignmentEmail: 'a@b.se\u0007' },
      {},
      { assignmentEmail: 'a@b.se', other: 1 },
    ]) {
      const response = await doctor.put('/api/staff/me/notices', body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(response.json().errors[0].path).toMatch(/^body/);
    }
    const bad = await doctor.put('/api/staff/me/notices', { assignmentEmail: 'inte en adress' });
    expect(bad.json().errors[0].path).toBe('body.assignmentEmail');
    expect([401, 403, 404]).toContain((await citizen.get('/api/staff/me/notices')).statusCode);
    expect([401, 403, 404]).toContain(
      (await citizen.put('/api/staff/me/notices', { assignmentEmail: null })).statusCode,
    );
    expect((await f.app.inject({ method: 'GET', url: '/api/staff/me/notices' })).statusCode).toBe(401);
    expect(
      (await f.app.inject({ method: 'PUT', url: '/api/staff/me/notices', payload: { assignmentEmail: null } }))
        .statusCode,
    ).toBe(401);
  });
});
