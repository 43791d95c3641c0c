import type { FormDefinition } from '@kontakta/domain';
import type { ErrandRecordCopy } from './errand-record-copy.ts';

// A copy as the loader gives it, without a database: a child's errand sent by a guardian as proxy,
// answered by a nurse and closed, with a repeating group and a choice in the form.

const AT = Date.UTC(2026, 6, 1, 8, 30); // 10:30 in Stockholm (summer time)

const form: FormDefinition = {
  formatVersion: 1,
  fields: [
    {
      kind: 'group',
      key: 'medicines',
      label: { sv: 'Läkemedel', en: 'Medicines' },
      itemNoun: { one: { sv: 'läkemedel', en: 'medicine' }, other: { sv: 'läkemedel', en: 'medicines' } },
      fields: [{ kind: 'short-text', key: 'name', label: { sv: 'Läkemedlets namn', en: 'Name' } }],
    },
    {
      kind: 'single-choice',
      key: 'pharmacy',
      label: { sv: 'Apotek', en: 'Pharmacy' },
      options: [
        { value: 'any', label: { sv: 'Valfritt apotek', en: 'Any pharmacy' } },
        { value: 'near', label: { sv: 'Närmaste apotek', en: 'Nearest pharmacy' } },
      ],
    },
    { kind: 'yes-no', key: 'urgent', label: { sv: 'Brådskande', en: 'Urgent' } },
  ],
} as unknown as FormDefinition;

export function sampleRecordCopy(): ErrandRecordCopy {
  return {
    errand: {
      id: '3f0c2a8e-1111-4222-8333-444455556666',
      status: 'closed',
      errandType: { id: 'renew-prescription', name: 'Förnya recept' },
      unit: { hsaId: 'SE2321000016-A1B2', name: 'Vårdcentralen Ekbacken' },
      createdAt: AT,
      lastEventAt: AT + 3 * 3600_000,
      assignedTo: null,
      questionnaire: {
        url: 'https://kontakta.example/fhir/Questionnaire/SE2321000016-A1B2/renew-prescription',
        version: 2,
      },
    },
    citizen: { id: 'child', personnummer: '201501022383', givenName: 'Lisa', familyName: 'Lindqvist' },
    proxies: new Map([
      ['guardian', { id: 'guardian', personnummer: '198112289874', givenName: 'Anna', familyName: 'Lindqvist' }],
    ]),
    staff: new Map([
      [
        'SE2321000016-N1',
        { hsaId: 'SE2321000016-N1', givenName: 'Maria', familyName: 'Ek', profession: 'Sjuksköterska' },
      ],
      [
        'SE2321000016-R1',
        { hsaId: 'SE2321000016-R1', givenName: 'Karin', familyName: 'Berg', profession: 'Administratör' },
      ],
    ]),
    messages: [
      {
        id: 'm1',
        kind: 'submission',
        author: { kind: 'citizen', id: 'guardian' },
        createdAt: AT,
        form,
        answers: { medicines: [{ name: 'Levaxin' }, { name: 'Alvedon' }], pharmacy: 'near', urgent: false },
      },
      {
        id: 'm2',
        kind: 'answer',
        author: { kind: 'staff', hsaId: 'SE2321000016-N1' },
        createdAt: AT + 3600_000,
        form: null,
        answers: { message: 'Vi har ringt dig och förnyat receptet.' },
      },
    ],
    events: [
      { type: 'sent', at: AT, actor: { kind: 'citizen', id: 'child' }, onBehalfOf: 'guardian', assignee: null },
      {
        type: 'assigned',
        at: AT + 60_000,
        actor: { kind: 'staff', hsaId: 'SE2321000016-R1', role: 'receiver' },
        onBehalfOf: null,
        assignee: 'SE2321000016-N1',
      },
      {
        type: 'closed',
        at: AT + 3600_000,
        actor: { kind: 'staff', hsaId: 'SE2321000016-N1', role: 'caregiver' },
        onBehalfOf: null,
        assignee: null,
      },
    ],
    exportedAt: AT + 3 * 3600_000,
    language: 'sv',
    exportedBy: { hsaId: 'SE2321000016-R1', name: 'Karin Berg' },
  };
}
