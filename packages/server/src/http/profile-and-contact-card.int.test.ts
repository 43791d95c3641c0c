import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../testing/errand-fixture.ts';
import { DIALECTS } from '../testing/test-databases.ts';

// The small reads the web app needs beside the errand routes: who is logged in, a unit's contact
// card and an errand's answer form, with their refusals.
describe.each(DIALECTS)('profiles, contact cards and answer forms on %s', (dialect) => {
  let f: ErrandFixture;
  let citizen: Client;
  let receiver: Client;
  let doctor: Client;
  let errandId: string;

  beforeAll(async () => {
    f = await createErrandFixture(dialect);
    citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    doctor = await f.staff(f.personas.staff.doctor.hsaId, f.unit);
    const form = (await citizen.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).json();
    errandId = (
      await citizen.post('/api/citizen/errands', {
        unitHsaId: f.unit,
        errandType: 'renew-prescription',
        formVersionId: form.formVersionId,
        answers: prescriptionAnswers('Levaxin'),
      })
    ).json().id;
  });
  afterAll(async () => f.close());

  const endpoints = () => ['/api/citizen/me', '/api/staff/me', `/api/staff/errands/${errandId}/answer-form`];

  it('refuses every endpoint without a login (401)', async () => {
    for (const url of endpoints()) {
      expect((await f.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
  });

  it('shows the contact card without a login: it is public, like 1177’s', async () => {
    expect((await f.app.inject({ method: 'GET', url: `/api/units/${f.unit}/contact-card` })).statusCode).toBe(200);
  });

  it('tells the citizen their name and nothing more', async () => {
    const person = await f.registers.findPerson(f.personas.citizens.adult.personnummer);
    const me = await citizen.get('/api/citizen/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ givenName: person?.name.given, familyName: person?.name.family });
    expect(me.body).not.toContain(f.personas.citizens.adult.personnummer);
  });

  it('tells staff their name, unit and roles', async () => {
    const me = (await receiver.get('/api/staff/me')).json();
    expect(me).toMatchObject({ unit: { hsaId: f.unit }, roles: ['receiver'] });
    expect(me.givenName).not.toBe('');
  });

  it('shows a unit’s contact card with the base offering in the national order', async () => {
    const card = await citizen.get(`/api/units/${f.unit}/contact-card`);
    expect(card.statusCode).toBe(200);
    const body = card.json();
    expect(body.unit.hsaId).toBe(f.unit);
    expect(body.errandTypes.map((t: { id: string }) => t.id)).toEqual([
      'cancel-or-reschedule-appointment',
      'request-appointment',
      'request-certificate',
      'order-medical-record-copy',
      'ask-the-nurse',
      'extend-sick-leave',
      'renew-prescription',
      'renew-assistive-aids',
      'contact-me',
      'advice',
      'change-listing',
    ]);
    expect(body.errandTypes[6]).toMatchObject({ name: { sv: 'Förnya recept' }, openToProxies: true });
    expect(body.links).toEqual([]);
  });

  it('leaves switched-off types off the card', async () => {
    await f.database.db
      .updateTable('unit_errand_type')
      .set({ enabled: 0 })
      .where('unit_hsa_id', '=', f.unit)
      .where('errand_type', '=', 'advice')
      .execute();
    const body = (await citizen.get(`/api/units/${f.unit}/contact-card`)).json();
    expect(body.errandTypes.map((t: { id: string }) => t.id)).not.toContain('advice');
  });

  it('answers 404 for an unknown unit and 400 for a malformed one', async () => {
    expect((await citizen.get('/api/units/SE2321000016-NONE/contact-card')).statusCode).toBe(404);
    expect((await citizen.get('/api/units/%27%3B--/contact-card')).statusCode).toBe(400);
  });

  it('keeps citizen and staff endpoints apart (404 across)', async () => {
    expect((await receiver.get('/api/citizen/me')).statusCode).toBe(404);
    expect((await receiver.get(`/api/citizen/units/${f.unit}`)).statusCode).toBe(404);
    expect((await citizen.get('/api/staff/me')).statusCode).toBe(404);
    expect((await citizen.get(`/api/staff/errands/${errandId}/answer-form`)).statusCode).toBe(404);
  });

  it('gives the answer form to the unit’s receivers and the assigned caregiver only', async () => {
    const answerForm = await receiver.get(`/api/staff/errands/${errandId}/answer-form`);
    expect(answerForm.statusCode).toBe(200);
    const fields = answerForm.json().definition.fields.map((field: { key: string }) => field.key);
    expect(fields).toEqual(['medicines', 'message', 'citizenMayReply']);
    expect(answerForm.body).not.toContain('Levaxin');

    // Not assigned yet: the doctor may not see it.
    expect((await doctor.get(`/api/staff/errands/${errandId}/answer-form`)).statusCode).toBe(404);
    await receiver.post(`/api/staff/errands/${errandId}/assign`, { caregiverHsaId: f.personas.staff.doctor.hsaId });
    expect((await doctor.get(`/api/staff/errands/${errandId}/answer-form`)).statusCode).toBe(200);

    const elsewhere = await f.staffElsewhere('receiver', f.unit);
    expect((await elsewhere.get(`/api/staff/errands/${errandId}/answer-form`)).statusCode).toBe(404);
    expect((await receiver.get('/api/staff/errands/00000000-0000-0000-0000-000000000000/answer-form')).statusCode).toBe(
      404,
    );
    expect((await receiver.get('/api/staff/errands/%27%3B--/answer-form')).statusCode).toBe(400);
  });

  it('writes no access-log row for opening the answer form', async () => {
    const before = await f.database.db.selectFrom('access_log').select('id').execute();
    await receiver.get(`/api/staff/errands/${errandId}/answer-form`);
    const after = await f.database.db.selectFrom('access_log').select('id').execute();
    expect(after.length).toBe(before.length);
  });
});
