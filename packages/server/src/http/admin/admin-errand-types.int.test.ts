import { baseErrandTypes } from '@kontakta/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirErrors } from '../../fhir/fhir-validation.test-support.ts';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { customTypeBody, requestAs, travelForm, weeksAhead } from '../../testing/unit-admin-fixture.ts';

type Field = { key: string };
const keysOf = (form: { fields: Field[] }) => form.fields.map((field) => field.key);

// The unit administrator's errand types: base types' settings and options, custom types with
// their versions, previews and FHIR export; and what citizens and staff see as a result.
describe.each(DIALECTS)('administering errand types on %s', (dialect) => {
  let f: ErrandFixture;
  let admin: Client;
  let citizen: Client;
  let receiver: Client;
  const base = () => `/api/admin/units/${f.unit}/errand-types`;
  const settings = { enabled: true, openToProxies: true, citizenMayReply: true };

  beforeAll(async () => {
    f = await createErrandFixture(dialect);
    admin = await f.staff(f.personas.staff.unitAdministrator.hsaId, f.unit);
    citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
  });
  afterAll(async () => f.close());

  async function send(errandType: string, answers: unknown) {
    const form = (await citizen.get(`/api/citizen/units/${f.unit}/errand-types/${errandType}/form`)).json();
    const sent = await citizen.post('/api/citizen/errands', {
      unitHsaId: f.unit,
      errandType,
      formVersionId: form.formVersionId,
      answers,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    return sent.json().id as string;
  }

  it('lists the national base offering in order, with settings and current versions', async () => {
    const list = await admin.get(base());
    expect(list.statusCode).toBe(200);
    const items = list.json().items;
    expect(items.map((t: { id: string }) => t.id)).toEqual(baseErrandTypes.map((type) => type.id));
    expect(items[6]).toMatchObject({
      id: 'renew-prescription',
      kind: 'base',
      name: { sv: 'Förnya recept' },
      enabled: true,
      options: { showFurtherInformation: true },
      openToProxies: true,
      citizenMayReply: true,
      currentVersion: 1,
      updatedBy: null,
    });
  });

  it('turns a base type off and on with new options; a new version only when the forms change', async () => {
    const off = await requestAs(f, admin, 'PUT', `${base()}/advice`, { ...settings, enabled: false });
    expect(off.json()).toEqual({ id: 'advice', version: 1, newVersion: false });
    const card = (await f.app.inject({ method: 'GET', url: `/api/units/${f.unit}/contact-card` })).json();
    expect(card.errandTypes.map((t: { id: string }) => t.id)).not.toContain('advice');
    expect((await citizen.get(`/api/citizen/units/${f.unit}/errand-types/advice/form`)).statusCode).toBe(404);

    const on = { ...settings, openToProxies: false, options: { askForEarlierCaregiver: true } };
    expect((await requestAs(f, admin, 'PUT', `${base()}/advice`, on)).json()).toEqual({
      id: 'advice',
      version: 2,
      newVersion: true,
    });
    expect((await requestAs(f, admin, 'PUT', `${base()}/advice`, on)).json().newVersion).toBe(false);
    const detail = (await admin.get(`${base()}/advice`)).json();
    expect(detail).toMatchObject({
      enabled: true,
      openToProxies: false,
      options: { askForEarlierCaregiver: true },
      currentVersion: 2,
      updatedBy: f.personas.staff.unitAdministrator.hsaId,
    });
    expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(detail.versions[0].createdBy).toBe(f.personas.staff.unitAdministrator.hsaId);
    const padlocked = (await f.app.inject({ method: 'GET', url: `/api/units/${f.unit}/contact-card` })).json();
    expect(padlocked.errandTypes.find((t: { id: string }) => t.id === 'advice')).toMatchObject({
      openToProxies: false,
    });
  });

  it('keeps the options when a change leaves them out', async () => {
    await requestAs(f, admin, 'PUT', `${base()}/renew-prescription`, { ...settings, citizenMayReply: false });
    expect((await admin.get(`${base()}/renew-prescription`)).json()).toMatchObject({
      citizenMayReply: false,
      options: { showFurtherInformation: true },
      currentVersion: 1,
    });
  });

  it('an errand keeps the base-type version it was sent with when the options change', async () => {
    const errandId = await send('renew-prescription', {
      ...prescriptionAnswers('Levaxin'),
      furtherInformation: 'Ny dos.',
    });
    const changed = await requestAs(f, admin, 'PUT', `${base()}/renew-prescription`, {
      ...settings,
      options: { showFurtherInformation: false },
    });
    expect(changed.json()).toMatchObject({ version: 2, newVersion: true });
    const form = (await citizen.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).json();
    expect(keysOf(form.definition)).toEqual(['medicines']);
    for (const view of [
      citizen.get(`/api/citizen/errands/${errandId}`),
      receiver.get(`/api/staff/errands/${errandId}`),
    ]) {
      const submission = (await view).json().messages[0];
      expect(keysOf(submission.form)).toEqual(['medicines', 'furtherInformation']);
      expect(submission.answers.furtherInformation).toBe('Ny dos.');
    }
  });

  it('creates a custom type, which citizens can open and send, with the default answer form', async () => {
    const created = await requestAs(f, admin, 'POST', base(), customTypeBody());
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    expect(id).toMatch(/^custom-[0-9a-f-]{36}$/);
    expect(created.json()).toMatchObject({ version: 1, newVersion: true });
    const detail = (await admin.get(`${base()}/${id}`)).json();
    expect(detail).toMatchObject({ kind: 'custom', name: { sv: 'Resevaccination' }, openToProxies: false });
    expect(keysOf(detail.answerForm)).toEqual(['message', 'citizenMayReply']);

    const card = (await f.app.inject({ method: 'GET', url: `/api/units/${f.unit}/contact-card` })).json();
    expect(card.errandTypes.at(-1)).toEqual({
      id,
      name: { sv: 'Resevaccination', en: 'Travel vaccination' },
      description: { sv: 'Fråga om vaccin inför en resa.', en: 'Ask about vaccines before a trip.' },
      openToProxies: false,
      replyTime: null,
    });
    const errandId = await send(id, { destination: 'tropics', departure: weeksAhead(4) });
    const doctor = await f.staff(f.personas.staff.doctor.hsaId, f.unit);
    await receiver.post(`/api/staff/errands/${errandId}/assign`, { caregiverHsaId: f.personas.staff.doctor.hsaId });
    const answered = await doctor.post(`/api/staff/errands/${errandId}/answer`, {
      answers: { message: 'Välkommen på vaccination.', citizenMayReply: true },
    });
    expect(answered.statusCode, answered.body).toBe(204);
    const read = (await citizen.get(`/api/citizen/errands/${errandId}`)).json();
    expect(read).toMatchObject({ errandType: { id, name: { sv: 'Resevaccination' } }, replyAllowed: true });
  });

  it('changing a custom form makes a new version; the errand sent before keeps and shows the old one', async () => {
    const { id } = (await requestAs(f, admin, 'POST', base(), customTypeBody())).json();
    const errandId = await send(id, { destination: 'europe', departure: weeksAhead(2) });
    const change = {
      name: { sv: 'Vaccination inför resa', en: 'Vaccination before travel' },
      description: { sv: 'Ny beskrivning.', en: 'New description.' },
      citizenForm: travelForm('Hur länge är du borta?'),
      baseVersion: 1,
    };
    const changed = await requestAs(f, admin, 'PUT', `${base()}/${id}/definition`, change);
    expect(changed.json()).toEqual({ id, version: 2, newVersion: true });
    // The same forms again: a new name only, no new version.
    const renamed = await requestAs(f, admin, 'PUT', `${base()}/${id}/definition`, {
      ...change,
      name: { sv: 'Resevaccin', en: 'Travel vaccines' },
      baseVersion: 2,
    });
    expect(renamed.json()).toEqual({ id, version: 2, newVersion: false });
    // A stale editor is told, not silently overwritten.
    const stale = await requestAs(f, admin, 'PUT', `${base()}/${id}/definition`, change);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toBe('changed-meanwhile');

    const form = (await citizen.get(`/api/citizen/units/${f.unit}/errand-types/${id}/form`)).json();
    expect(form.version).toBe(2);
    expect(keysOf(form.definition)).toEqual(['destination', 'departure', 'extra']);
    const errand = (await citizen.get(`/api/citizen/errands/${errandId}`)).json();
    expect(keysOf(errand.messages[0].form)).toEqual(['destination', 'departure']);
    expect(errand.errandType.name.sv).toBe('Resevaccin');
  });

  it('numbers versions one after another when administrators change a form at the same time', async () => {
    const { id } = (await requestAs(f, admin, 'POST', base(), customTypeBody())).json();
    const other = await f.staff(f.personas.staff.unitAdministrator.hsaId, f.unit);
    const changes = ['Hur länge?', 'Vilket land?', 'Har du rest förut?'].map((question, i) =>
      requestAs(f, i % 2 === 0 ? admin : other, 'PUT', `${base()}/${id}/definition`, {
        name: { sv: 'Resa', en: 'Travel' },
        description: { sv: 'Om resan.', en: 'About the trip.' },
        citizenForm: travelForm(question),
      }),
    );
    const responses = await Promise.all(changes);
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(responses.map((r) => r.json().version).sort()).toEqual([2, 3, 4]);
    expect((await admin.get(`${base()}/${id}`)).json().currentVersion).toBe(4);
  });

  it('previews forms without saving: the problems, or the forms as they would be saved', async () => {
    const count = async () => (await f.database.db.selectFrom('form_version').select('id').execute()).length;
    const before = await count();
    const ok = await requestAs(f, admin, 'POST', `${base()}/preview`, {
      citizenForm: travelForm(),
      answerForm: {
        formatVersion: 1,
        fields: [{ kind: 'date', key: 'appointment', label: { sv: 'Tid', en: 'Time' } }],
      },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ valid: true, problems: [] });
    expect(keysOf(ok.json().answerForm)).toEqual(['appointment', 'message', 'citizenMayReply']);

    const broken = travelForm();
    broken.fields.push({
      kind: 'short-text',
      key: 'destination',
      label: { sv: 'Igen', en: 'Again' },
      condition: { kind: 'has-value', field: 'nowhere', value: 'x' },
    });
    const bad = await requestAs(
      f,
      admin,
      'POST',
      `${base()}/preview`,
      { citizenForm: broken },
      { 'accept-language': 'en' },
    );
    expect(bad.json()).toMatchObject({ valid: false, citizenForm: null });
    expect(bad.json().problems.map((p: { path: string; code: string }) => `${p.path}:${p.code}`)).toEqual([
      'body.citizenForm.fields[2].key:duplicate-key',
      'body.citizenForm.fields[2].condition.field:condition-target-missing',
    ]);
    expect(bad.json().problems[0].message).toMatch(/already used/);

    const certificate = await requestAs(f, admin, 'POST', `${base()}/request-certificate/preview`, {
      options: {
        certificateKinds: [{ value: 'sea-travel', label: { sv: 'Sjöfartsintyg', en: 'Seafarer certificate' } }],
      },
    });
    expect(JSON.stringify(certificate.json().citizenForm)).toContain('sea-travel');
    expect(await count()).toBe(before);
  });

  it('retires a custom type: off the card, cannot be opened or sent, old errands still read and answered', async () => {
    const { id } = (await requestAs(f, admin, 'POST', base(), customTypeBody())).json();
    const form = (await citizen.get(`/api/citizen/units/${f.unit}/errand-types/${id}/form`)).json();
    const errandId = await send(id, { destination: 'europe', departure: weeksAhead(3) });
    expect((await requestAs(f, admin, 'POST', `${base()}/${id}/retire`)).statusCode).toBe(204);

    const card = (await f.app.inject({ method: 'GET', url: `/api/units/${f.unit}/contact-card` })).json();
    expect(card.errandTypes.map((t: { id: string }) => t.id)).not.toContain(id);
    expect((await citizen.get(`/api/citizen/units/${f.unit}/errand-types/${id}/form`)).statusCode).toBe(404);
    const late = await citizen.post('/api/citizen/errands', {
      unitHsaId: f.unit,
      errandType: id,
      formVersionId: form.formVersionId,
      answers: { destination: 'europe', departure: weeksAhead(3) },
    });
    expect(late.statusCode).toBe(404);
    const errand = (await receiver.get(`/api/staff/errands/${errandId}`)).json();
    expect(keysOf(errand.messages[0].form)).toEqual(['destination', 'departure']);
    expect((await admin.get(base())).json().items.find((t: { id: string }) => t.id === id).retiredAt).toEqual(
      expect.any(Number),
    );
  });

  it('exports every base type and a custom type as a valid FHIR R4 Questionnaire', async () => {
    const { id } = (await requestAs(f, admin, 'POST', base(), customTypeBody())).json();
    const types = [...baseErrandTypes.map((type) => type.id), id];
    for (const type of types) {
      const { currentVersion } = (await admin.get(`${base()}/${type}`)).json();
      for (const form of ['citizen', 'answer']) {
        const response = await admin.get(`${base()}/${type}/versions/${currentVersion}/questionnaire?form=${form}`);
        expect(response.statusCode, `${type} ${form}`).toBe(200);
        expect(response.headers['content-type']).toMatch(/^application\/fhir\+json/);
        const questionnaire = response.json();
        expect(fhirErrors(questionnaire), `${type} ${form}`).toEqual([]);
        expect(questionnaire).toMatchObject({ resourceType: 'Questionnaire', version: String(currentVersion) });
        expect(questionnaire.url).toContain(`/fhir/Questionnaire/${f.unit}/${type}`);
      }
    }
    // Old versions stay exportable: renew-prescription's version 1 still has the further-information item.
    const first = (await admin.get(`${base()}/renew-prescription/versions/1/questionnaire`)).json();
    expect(first.item.map((item: { linkId: string }) => item.linkId)).toContain('furtherInformation');
  });
});
