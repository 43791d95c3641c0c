import type { Bundle, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirErrors } from '../../fhir/fhir-validation.test-support.ts';
import {
  type Client,
  createErrandFixture,
  type ErrandFixture,
  prescriptionAnswers,
} from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { readPdf } from '../../use-cases/record-copy/pdf-reader.test-support.ts';
import { stockholmTime } from '../../use-cases/record-copy/record-copy-texts.ts';

// A copy of the errand for the medical record (issue 18, point 8): a FHIR R4 Bundle every resource
// of which the outside validator accepts, and a tagged PDF, in the staff member's language. Errand content: exactly the
// errand access policy applies, and every copy is written to the access log.
describe.each(DIALECTS)('copy to the medical record on %s', (dialect) => {
  let f: ErrandFixture;
  let owner: Client;
  let receiver: Client;
  let doctor: Client;
  let errandId: string;
  let sentAt: number;
  let citizenName: string;
  const fhirUrl = (id = errandId) => `/api/staff/errands/${id}/record-copy/fhir`;
  const pdfUrl = (id = errandId) => `/api/staff/errands/${id}/record-copy/pdf`;
  const accessLog = () =>
    f.database.db
      .selectFrom('access_log')
      .selectAll()
      .where('errand_id', '=', errandId)
      .orderBy('position', 'desc')
      .execute();

  beforeAll(async () => {
    f = await createErrandFixture(dialect);
    owner = await f.citizen(f.personas.citizens.adult.personnummer);
    receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    doctor = await f.staff(f.personas.staff.doctor.hsaId, f.unit);
    const form = (await owner.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).json();
    const sent = await owner.post('/api/citizen/errands', {
      unitHsaId: f.unit,
      errandType: 'renew-prescription',
      formVersionId: form.formVersionId,
      answers: { ...prescriptionAnswers('Levaxin'), furtherInformation: 'Samma dos som förut.' },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    errandId = sent.json().id;
    expect(
      (await receiver.post(`/api/staff/errands/${errandId}/assign`, { caregiverHsaId: f.personas.staff.doctor.hsaId }))
        .statusCode,
    ).toBe(204);
    const answer = await doctor.post(`/api/staff/errands/${errandId}/answer`, {
      answers: {
        medicines: [{ item: 'Levaxin', decision: 'renewed' }],
        message: 'Receptet är förnyat.',
        citizenMayReply: true,
      },
    });
    expect(answer.statusCode, answer.body).toBe(204);
    const reply = await owner.post(`/api/citizen/errands/${errandId}/replies`, { message: 'Tack! Gäller det ett år?' });
    expect(reply.statusCode, reply.body).toBe(204);
    const detail = (await receiver.get(`/api/staff/errands/${errandId}`)).json();
    sentAt = detail.createdAt;
    citizenName = detail.citizen.name;
  });
  afterAll(async () => f.close());

  it('gives the unit a FHIR R4 collection Bundle that the validator accepts, references resolved inside it, and logs it', async () => {
    const before = (await accessLog()).length;
    const response = await receiver.get(fhirUrl());
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="kontakta-renew-prescription-.+\.json"$/,
    );
    expect(response.headers['content-disposition']).not.toContain(f.personas.citizens.adult.personnummer);

    const bundle = response.json() as Bundle;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(fhirErrors(bundle)).toEqual([]);
    const resources = (bundle.entry ?? []).map((entry) => entry.resource as Resource);
    for (const resource of resources)
      expect([resource.resourceType, fhirErrors(resource)]).toEqual([resource.resourceType, []]);

    // Every reference points at an entry of the bundle.
    const fullUrls = new Set((bundle.entry ?? []).map((entry) => entry.fullUrl));
    const references: string[] = [];
    JSON.stringify(bundle, (key, value) => {
      if (key === 'reference' && typeof value === 'string') references.push(value);
      return value;
    });
    expect(references.length).toBeGreaterThan(10);
    expect(references.filter((reference) => !fullUrls.has(reference))).toEqual([]);

    const byType = (type: string) => resources.filter((resource) => resource.resourceType === type) as never[];
    const urlOf = (resource: Resource) => bundle.entry?.find((entry) => entry.resource === resource)?.fullUrl;
    const [patient] = byType('Patient') as Resource[];
    expect(patient).toMatchObject({
      identifier: [
        { system: 'http://electronichealth.se/identifier/personnummer', value: f.personas.citizens.adult.personnummer },
      ],
    });
    const patientRef = { reference: urlOf(patient as Resource) };

    const [questionnaireResponse] = byType('QuestionnaireResponse');
    expect(questionnaireResponse).toMatchObject({
      status: 'completed',
      identifier: { system: expect.stringMatching(/\/fhir\/identifier\/errand$/), value: errandId },
      subject: patientRef,
      source: patientRef,
      author: patientRef,
    });
    expect(JSON.stringify(questionnaireResponse)).toContain('Samma dos som förut.');

    const [task] = byType('Task');
    // Answered, then the citizen replied: back with the caregiver, work in progress.
    expect(task).toMatchObject({
      status: 'in-progress',
      intent: 'order',
      identifier: [{ value: errandId }],
      for: patientRef,
      businessStatus: { text: 'Fördelat' },
    });

    const communications = byType('Communication') as {
      sender: { reference: string };
      payload: { contentString: string }[];
      sent: string;
    }[];
    expect(communications).toHaveLength(3);
    const texts = communications.map((c) => c.payload[0]?.contentString ?? '');
    expect(texts[0]).toContain('Levaxin');
    expect(texts[1]).toContain('Receptet är förnyat.');
    expect(texts[2]).toContain('Tack! Gäller det ett år?');
    expect(communications[0]?.sender).toEqual(patientRef);
    expect(communications[0]?.sent).toBe(new Date(sentAt).toISOString());

    const practitioners = byType('Practitioner') as { identifier: { system: string; value: string }[] }[];
    const doctorEntry = practitioners.find((p) => p.identifier[0]?.value === f.personas.staff.doctor.hsaId);
    expect(doctorEntry?.identifier[0]?.system).toBe('urn:oid:1.2.752.129.2.1.4.1');
    // The answer is from the doctor's role at the unit, which names the doctor.
    const answerSender = communications[1]?.sender.reference;
    const role = bundle.entry?.find((entry) => entry.fullUrl === answerSender)?.resource as {
      resourceType: string;
      practitioner: { reference: string };
    };
    expect(role.resourceType).toBe('PractitionerRole');
    expect(bundle.entry?.find((entry) => entry.fullUrl === role.practitioner.reference)?.resource).toBe(doctorEntry);
    // The history, one Provenance per event.
    expect(byType('Provenance').length).toBeGreaterThanOrEqual(5);

    const log = await accessLog();
    expect(log.length).toBe(before + 1);
    expect(log[0]).toMatchObject({
      staff_hsa_id: f.personas.staff.receiver.hsaId,
      role: 'receiver',
      action: 'export-record',
    });
  });

  it('gives the caregiver a tagged Swedish PDF with the errand, the questions and answers, the messages and the history, and logs it', async () => {
    const before = (await accessLog()).length;
    const response = await doctor.get(pdfUrl());
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="kontakta-renew-prescription-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );

    const pdf = readPdf(response.rawPayload);
    expect(pdf.header).toBe('%PDF-1.7');
    expect(pdf.wellFormed).toBe(true);
    expect(pdf.catalog).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(pdf.catalogEntry('MarkInfo')).toMatch(/\/Marked true/);
    expect(pdf.catalog).toContain('/Lang (sv-SE)');
    expect(pdf.catalogEntry('ViewerPreferences')).toMatch(/\/DisplayDocTitle true/);
    expect(pdf.info.Title).toBe('Kopia av ärende till journalen: Förnya recept');
    const structureTypes = [...pdf.objects.values()].map((o) => /\/S \/(\w+)/.exec(o.dict)?.[1]).filter(Boolean);
    expect(structureTypes.filter((type) => type === 'H2')).toHaveLength(4);
    expect(structureTypes).toEqual(expect.arrayContaining(['Document', 'H1', 'H3', 'P', 'L', 'LI']));

    const text = pdf.text;
    for (const expected of [
      'Kopia av ärende till journalen',
      'Ärendetjänsten är inte journalen.',
      'Ärende',
      'Frågor och svar',
      'Meddelanden',
      'Händelser',
      `Invånare: ${citizenName}`,
      `Personnummer: ${f.personas.citizens.adult.personnummer.slice(0, 8)}-${f.personas.citizens.adult.personnummer.slice(8)}`,
      'Levaxin',
      'Samma dos som förut.',
      'Receptet är förnyat.',
      'Tack! Gäller det ett år?',
      `Skickat: ${stockholmTime(sentAt)}`,
    ]) {
      expect(text).toContain(expected);
    }
    const log = await accessLog();
    expect(log.length).toBe(before + 1);
    expect(log[0]).toMatchObject({ staff_hsa_id: f.personas.staff.doctor.hsaId, action: 'export-record' });
  });

  it('writes the PDF and the bundle in English for a staff member who uses Kontakta in English', async () => {
    const inEnglish = (url: string) =>
      f.app.inject({
        method: 'GET',
        url,
        cookies: { ...doctor.login.cookies, kontakta_lang: 'en' },
        headers: doctor.login.headers,
      });
    const pdfResponse = await inEnglish(pdfUrl());
    expect(pdfResponse.statusCode, pdfResponse.body.slice(0, 300)).toBe(200);
    const pdf = readPdf(pdfResponse.rawPayload);
    expect(pdf.wellFormed).toBe(true);
    expect(pdf.catalog).toContain('/Lang (en-GB)');
    expect(pdf.info.Title).toMatch(/^Copy of an errand for the medical record: /);
    for (const expected of [
      'The errand service is not the medical record.',
      'Questions and answers',
      'History',
      `Citizen: ${citizenName}`,
      `Sent: ${stockholmTime(sentAt)}`,
      'Levaxin',
      'Receptet är förnyat.',
      'Reply from the citizen',
    ]) {
      expect(pdf.text).toContain(expected);
    }
    expect(pdf.text).not.toContain('Frågor och svar');

    const bundleResponse = await inEnglish(fhirUrl());
    expect(bundleResponse.statusCode).toBe(200);
    const bundle = bundleResponse.json() as Bundle;
    expect(bundle.language).toBe('en');
    expect(fhirErrors(bundle)).toEqual([]);
    const task = bundle.entry?.map((entry) => entry.resource).find((r) => r?.resourceType === 'Task');
    expect(task).toMatchObject({ businessStatus: { text: 'Routed' } });
  });

  it('refuses everyone the errand access policy refuses, and logs nothing for them', async () => {
    for (const url of [fhirUrl(), pdfUrl()]) {
      expect((await f.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
    const before = (await accessLog()).length;
    const others = [
      owner,
      await f.citizen(f.personas.citizens.tolvan.personnummer),
      await f.staffElsewhere('receiver', f.unit),
      await f.staff(f.personas.staff.unitAdministrator.hsaId, f.unit),
      await f.staff(f.personas.staff.secondDoctor.hsaId, f.unit),
    ];
    for (const client of others) {
      for (const url of [fhirUrl(), pdfUrl()]) {
        const response = await client.get(url);
        expect(response.statusCode).toBe(404);
        expect(response.body).not.toContain('Levaxin');
      }
    }
    expect((await accessLog()).length).toBe(before);
    const unknown = '00000000-0000-0000-0000-000000000000';
    expect((await receiver.get(fhirUrl(unknown))).statusCode).toBe(404);
    expect((await receiver.get(pdfUrl(unknown))).statusCode).toBe(404);
    expect((await receiver.get('/api/staff/errands/%27%3B--/record-copy/pdf')).statusCode).toBe(400);
  });
});
