import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirErrors } from '../../fhir/fhir-validation.test-support.ts';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';

// The submission as a FHIR QuestionnaireResponse: errand content, so exactly the errand access
// policy applies (everyone else 404) and every export is written to the access log.
describe.each(DIALECTS)('QuestionnaireResponse export on %s', (dialect) => {
  let f: ErrandFixture;
  let owner: Client;
  let receiver: Client;
  let errandId: string;
  const url = () => `/api/staff/errands/${errandId}/questionnaire-response`;
  const accessLogRows = async () =>
    (await f.database.db.selectFrom('access_log').selectAll().where('errand_id', '=', errandId).execute()).length;

  beforeAll(async () => {
    f = await createErrandFixture(dialect);
    owner = await f.citizen(f.personas.citizens.adult.personnummer);
    receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    const form = (await owner.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).json();
    errandId = (
      await owner.post('/api/citizen/errands', {
        unitHsaId: f.unit,
        errandType: 'renew-prescription',
        formVersionId: form.formVersionId,
        answers: { ...prescriptionAnswers('Levaxin'), furtherInformation: 'Samma dos som förut.' },
      })
    ).json().id;
  });
  afterAll(async () => f.close());

  it('gives a receiver a valid QuestionnaireResponse to the version the errand was sent with, and logs it', async () => {
    const before = await accessLogRows();
    const response = await receiver.get(url());
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const resource = response.json();
    expect(fhirErrors(resource)).toEqual([]);
    expect(resource).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      questionnaire: expect.stringMatching(new RegExp(`/fhir/Questionnaire/${f.unit}/renew-prescription\\|1$`)),
      subject: { identifier: { value: f.personas.citizens.adult.personnummer } },
    });
    expect(JSON.stringify(resource)).toContain('Samma dos som förut.');
    expect(await accessLogRows()).toBe(before + 1);
    const [entry] = await f.database.db
      .selectFrom('access_log')
      .selectAll()
      .where('errand_id', '=', errandId)
      .orderBy('position', 'desc')
      .execute();
    expect(entry).toMatchObject({ staff_hsa_id: f.personas.staff.receiver.hsaId, role: 'receiver', action: 'read' });
  });

  it('refuses everyone the errand access policy refuses, and logs nothing for them', async () => {
    expect((await f.app.inject({ method: 'GET', url: url() })).statusCode).toBe(401);
    const before = await accessLogRows();
    const others = [
      owner,
      await f.citizen(f.personas.citizens.tolvan.personnummer),
      await f.staffElsewhere('receiver', f.unit),
      await f.staff(f.personas.staff.unitAdministrator.hsaId, f.unit),
      await f.staff(f.personas.staff.secondDoctor.hsaId, f.unit),
    ];
    for (const client of others) {
      const response = await client.get(url());
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('Levaxin');
    }
    expect(await accessLogRows()).toBe(before);
    expect(
      (await receiver.get('/api/staff/errands/00000000-0000-0000-0000-000000000000/questionnaire-response')).statusCode,
    ).toBe(404);
    expect((await receiver.get('/api/staff/errands/%27%3B--/questionnaire-response')).statusCode).toBe(400);
  });
});
