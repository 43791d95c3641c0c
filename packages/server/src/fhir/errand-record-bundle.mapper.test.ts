import type { Bundle, Communication, Provenance, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { sampleRecordCopy } from '../use-cases/record-copy/record-copy.test-support.ts';
import { errandRecordToBundle } from './errand-record-bundle.mapper.ts';
import { fhirErrors } from './fhir-validation.test-support.ts';

let counter = 0;
const meta = {
  publicUrl: 'https://kontakta.example/',
  newId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
};

function resourcesOf(bundle: Bundle, type: string): Resource[] {
  return (bundle.entry ?? []).map((entry) => entry.resource as Resource).filter((r) => r.resourceType === type);
}

describe('an errand as a FHIR R4 Bundle', () => {
  it('is a valid collection whose references all resolve inside it', () => {
    const bundle = errandRecordToBundle(sampleRecordCopy(), meta);
    expect(bundle.type).toBe('collection');
    expect(fhirErrors(bundle)).toEqual([]);
    for (const entry of bundle.entry ?? []) expect(fhirErrors(entry.resource as Resource)).toEqual([]);
    const urls = new Set((bundle.entry ?? []).map((entry) => entry.fullUrl));
    const references: string[] = [];
    JSON.stringify(bundle, (key, value) => {
      if (key === 'reference') references.push(value);
      return value;
    });
    expect(references.filter((reference) => !urls.has(reference))).toEqual([]);
  });

  it('is written in the language of the staff member who took it', () => {
    const bundle = errandRecordToBundle({ ...sampleRecordCopy(), language: 'en' }, meta);
    expect(bundle.language).toBe('en');
    expect(fhirErrors(bundle)).toEqual([]);
    expect(resourcesOf(bundle, 'Task')[0]).toMatchObject({
      businessStatus: { text: 'Closed' },
      description: 'Förnya recept: errand to Vårdcentralen Ekbacken through Kontakta',
    });
    expect(resourcesOf(bundle, 'RelatedPerson')[0]).toMatchObject({ relationship: [{ text: 'Guardian (proxy)' }] });
    const communications = resourcesOf(bundle, 'Communication') as Communication[];
    expect(communications.map((c) => c.category?.[0]?.text)).toEqual(
      expect.arrayContaining(["The citizen's errand", 'Answer from the unit']),
    );
    expect(communications[0]?.payload?.[0]?.contentString).toContain('Pharmacy: Nearest pharmacy');
    const activities = (resourcesOf(bundle, 'Provenance') as Provenance[]).map((p) => p.activity?.text);
    expect(activities).toContain('Routed to Maria Ek');
    expect(JSON.stringify(bundle)).not.toMatch(/Fördelat|Avslutat|Vårdnadshavare|Invånarens/);
    expect(errandRecordToBundle(sampleRecordCopy(), meta).language).toBe('sv');
  });

  it('has the guardian who sent it as the author, the child as source and subject, and the personnummer under HL7 Sweden', () => {
    const bundle = errandRecordToBundle(sampleRecordCopy(), meta);
    const urlOf = (resource: Resource | undefined) => bundle.entry?.find((e) => e.resource === resource)?.fullUrl;
    const [patient] = resourcesOf(bundle, 'Patient');
    const [guardian] = resourcesOf(bundle, 'RelatedPerson');
    expect(patient).toMatchObject({
      identifier: [{ system: 'http://electronichealth.se/identifier/personnummer', value: '201501022383' }],
      name: [{ family: 'Lindqvist', given: ['Lisa'] }],
    });
    expect(guardian).toMatchObject({
      patient: { reference: urlOf(patient) },
      identifier: [{ value: '198112289874' }],
      relationship: [{ coding: [{ code: 'GUARD' }] }],
    });
    expect(resourcesOf(bundle, 'QuestionnaireResponse')[0]).toMatchObject({
      identifier: {
        system: 'https://kontakta.example/fhir/identifier/errand',
        value: '3f0c2a8e-1111-4222-8333-444455556666',
      },
      questionnaire: 'https://kontakta.example/fhir/Questionnaire/SE2321000016-A1B2/renew-prescription|2',
      author: { reference: urlOf(guardian) },
      source: { reference: urlOf(patient) },
      subject: { reference: urlOf(patient) },
    });
    expect(resourcesOf(bundle, 'Task')[0]).toMatchObject({
      status: 'completed',
      businessStatus: { text: 'Avslutat' },
      requester: { reference: urlOf(guardian) },
      executionPeriod: { end: '2026-07-01T09:30:00.000Z' },
    });
    const practitioners = resourcesOf(bundle, 'Practitioner');
    expect(practitioners.map((p) => (p as { identifier: { system: string; value: string }[] }).identifier[0])).toEqual([
      { system: 'urn:oid:1.2.752.129.2.1.4.1', value: 'SE2321000016-N1' },
      { system: 'urn:oid:1.2.752.129.2.1.4.1', value: 'SE2321000016-R1' },
    ]);
    const [submission, answer] = resourcesOf(bundle, 'Communication') as {
      sender: { reference: string };
      recipient: { reference: string }[];
      payload: { contentString: string }[];
    }[];
    expect(submission?.sender.reference).toBe(urlOf(guardian));
    expect(submission?.payload[0]?.contentString).toContain('Läkemedlets namn: Alvedon');
    expect(answer?.recipient[0]?.reference).toBe(urlOf(patient));
    expect(answer?.payload[0]?.contentString).toBe('Meddelande: Vi har ringt dig och förnyat receptet.');
    expect(resourcesOf(bundle, 'Provenance')).toHaveLength(3);
  });

  it('maps each errand status to a Task status', () => {
    const copy = sampleRecordCopy();
    const statusOf = (change: Partial<typeof copy.errand>, events = copy.events, messages = copy.messages) =>
      (
        resourcesOf(
          errandRecordToBundle({ ...copy, errand: { ...copy.errand, ...change }, events, messages }, meta),
          'Task',
        )[0] as {
          status: string;
        }
      ).status;
    expect(statusOf({ status: 'new' })).toBe('requested');
    expect(statusOf({ status: 'open' })).toBe('received');
    expect(statusOf({ status: 'assigned', assignedTo: 'SE2321000016-N1' }, copy.events.slice(0, 2))).toBe('accepted');
    const answered = [...copy.events, { ...copy.events[2], type: 'answered' as const }] as typeof copy.events;
    expect(statusOf({ status: 'assigned', assignedTo: 'SE2321000016-N1' }, answered)).toBe('in-progress');
    expect(statusOf({ status: 'answered' })).toBe('completed');
    expect(statusOf({ status: 'closed' })).toBe('completed');
    expect(statusOf({ status: 'closed' }, copy.events, copy.messages.slice(0, 1))).toBe('cancelled');
  });
});
