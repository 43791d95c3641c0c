import type { FormAnswers } from '@kontakta/domain';
import type {
  Bundle,
  BundleEntry,
  Communication,
  Identifier,
  Organization,
  Patient,
  Practitioner,
  PractitionerRole,
  Provenance,
  QuestionnaireResponse,
  Reference,
  RelatedPerson,
  Resource,
  Task,
} from '@medplum/fhirtypes';
import { answerLines, answerText } from '../use-cases/record-copy/answer-lines.ts';
import { type CopiedCitizen, type ErrandRecordCopy, staffName } from '../use-cases/record-copy/errand-record-copy.ts';
import {
  eventText,
  MESSAGE_KIND_TEXT,
  type RecordWords,
  recordWords,
  roleText,
  STATUS_TEXT,
} from '../use-cases/record-copy/record-copy-texts.ts';
import { HSA_ID_SYSTEM, SE_PERSONNUMMER_SYSTEM } from './fhir-vocabulary.ts';
import { answersToQuestionnaireResponse } from './questionnaire-response.mapper.ts';

// An errand as a FHIR R4 Bundle for the medical record (issue 18, point 8).
//
// Bundle type `collection`, not `document`: a document bundle is a clinical document, a
// Composition first, attested by its author (bdl-9..11), and the record system would treat it
// as such. This is a copy of what the errand service holds, for a caregiver to chart from; they
// author the note in the record. A collection carries the resources as they are, each resolvable
// inside the bundle (references are the entries' urn:uuid fullUrls).
//
// The texts (status, message kinds, the history) are in the language of the staff member who took
// the copy (Bundle.language says which).
//
// Task.status from the errand's status (the status in words rides along as businessStatus):
//   new       → requested   the citizen has asked, nobody at the unit has opened it
//   open      → received    the unit has it, nobody holds it
//   assigned  → accepted    a caregiver holds it (in-progress once it has been answered and the
//                           citizen's reply has brought it back)
//   answered  → completed   the unit has answered; a reply from the citizen reopens the work,
//                           and a later copy then says so
//   closed    → completed   the unit has finished it with an answer or a message to the citizen;
//                           cancelled only for an errand closed with no word from the unit (the
//                           service no longer allows that; older errands may be so)

type Meta = Readonly<{
  /** The service's public address: the namespace of its identifier systems. */
  publicUrl: string;
  /** A new UUID per call (injected, so the mapping stays pure). */
  newId: () => string;
  /** The words, for the pseudo-locale test; otherwise the copy's language from the catalogue. */
  words?: RecordWords;
}>;

type Entry = { fullUrl: string; resource: Resource };

export function errandIdentifierSystem(publicUrl: string): string {
  return `${publicUrl.replace(/\/$/, '')}/fhir/identifier/errand`;
}

export function errandMessageIdentifierSystem(publicUrl: string): string {
  return `${publicUrl.replace(/\/$/, '')}/fhir/identifier/errand-message`;
}

function taskStatus(copy: ErrandRecordCopy): Task['status'] {
  const answered = copy.events.some((event) => event.type === 'answered');
  switch (copy.errand.status) {
    case 'new':
      return 'requested';
    case 'open':
      return 'received';
    case 'assigned':
      return answered ? 'in-progress' : 'accepted';
    case 'answered':
      return 'completed';
    case 'closed':
      return copy.messages.some((message) => message.author.kind === 'staff') ? 'completed' : 'cancelled';
  }
}

const iso = (epochMs: number) => new Date(epochMs).toISOString();

/** The errand as a FHIR R4 `collection` Bundle: see the notes above. */
export function errandRecordToBundle(copy: ErrandRecordCopy, meta: Meta): Bundle {
  const words = meta.words ?? recordWords(copy.language);
  const { text } = words;
  const entries: Entry[] = [];
  const add = <R extends Resource>(resource: R): Reference<R> => {
    const fullUrl = `urn:uuid:${meta.newId()}`;
    entries.push({ fullUrl, resource });
    return { reference: fullUrl };
  };
  const errandIdentifier: Identifier = {
    system: errandIdentifierSystem(meta.publicUrl),
    value: copy.errand.id,
  };

  const unit = add<Organization>({
    resourceType: 'Organization',
    identifier: [{ system: HSA_ID_SYSTEM, value: copy.errand.unit.hsaId }],
    name: copy.errand.unit.name,
  });
  const patient = add<Patient>({ resourceType: 'Patient', ...personOf(copy.citizen) });
  const related = new Map<string, Reference<RelatedPerson>>();
  for (const [id, person] of copy.proxies) {
    related.set(
      id,
      add<RelatedPerson>({
        resourceType: 'RelatedPerson',
        patient: patient,
        relationship: [
          {
            coding: [
              { system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'GUARD', display: 'guardian' },
            ],
            text: text('record.guardian'),
          },
        ],
        ...personOf(person),
      }),
    );
  }
  const citizenRef = (id: string): Reference<Patient | RelatedPerson> =>
    id === copy.citizen.id ? patient : (related.get(id) ?? patient);

  const roles = new Map<string, Reference<PractitionerRole>>();
  for (const [hsaId, person] of copy.staff) {
    const practitioner = add<Practitioner>({
      resourceType: 'Practitioner',
      identifier: [{ system: HSA_ID_SYSTEM, value: hsaId }],
      name: [
        { family: person.familyName, given: [person.givenName], text: `${person.givenName} ${person.familyName}` },
      ],
    });
    roles.set(
      hsaId,
      add<PractitionerRole>({
        resourceType: 'PractitionerRole',
        practitioner: { ...practitioner, display: staffName(copy, hsaId) },
        organization: unit,
        code: [{ text: person.profession }],
      }),
    );
  }
  const staffRef = (hsaId: string): Reference<PractitionerRole> =>
    roles.get(hsaId) ?? { identifier: { system: HSA_ID_SYSTEM, value: hsaId } };

  // The submission, as the existing QuestionnaireResponse export gives it, with who gave it.
  const submission = copy.messages.find((message) => message.kind === 'submission');
  const questionnaireResponse = submission
    ? add<QuestionnaireResponse>({
        ...answersToQuestionnaireResponse(
          submission.form ?? { formatVersion: 1, fields: [] },
          submission.answers as FormAnswers,
          {
            questionnaireUrl: copy.errand.questionnaire.url,
            version: copy.errand.questionnaire.version,
            authored: submission.createdAt,
            subject: patient,
          },
        ),
        identifier: errandIdentifier,
        // Who wrote it: the citizen, or the guardian who sent it as proxy; it is about the citizen.
        author: submission.author.kind === 'citizen' ? citizenRef(submission.author.id) : patient,
        source: patient,
      })
    : undefined;

  const closedAt = copy.errand.status === 'closed' ? copy.events.findLast((e) => e.type === 'closed')?.at : undefined;
  const sender = copy.events.find((event) => event.type === 'sent');
  const owner: Reference<PractitionerRole | Organization> = copy.errand.assignedTo
    ? staffRef(copy.errand.assignedTo)
    : unit;
  const task = add<Task>({
    resourceType: 'Task',
    identifier: [errandIdentifier],
    status: taskStatus(copy),
    businessStatus: { text: text(STATUS_TEXT[copy.errand.status]) },
    intent: 'order',
    code: { text: copy.errand.errandType.name },
    description: text('record.task-description', {
      errandType: copy.errand.errandType.name,
      unit: copy.errand.unit.name,
    }),
    ...(questionnaireResponse ? { focus: questionnaireResponse } : {}),
    for: patient,
    authoredOn: iso(copy.errand.createdAt),
    lastModified: iso(copy.errand.lastEventAt),
    executionPeriod: { start: iso(copy.errand.createdAt), ...(closedAt ? { end: iso(closedAt) } : {}) },
    requester: sender?.onBehalfOf ? citizenRef(sender.onBehalfOf) : patient,
    owner,
  });

  // The thread: one Communication per message, the structured parts as text as well.
  for (const message of copy.messages) {
    const fromCitizen = message.author.kind === 'citizen';
    const content = answerText(answerLines(message.form, message.answers, words));
    const from: Reference<Patient | RelatedPerson | PractitionerRole> =
      message.author.kind === 'citizen' ? citizenRef(message.author.id) : staffRef(message.author.hsaId);
    // A citizen writes to the unit (its receivers route it), not to a person.
    const to: Reference<Patient | Organization> = fromCitizen ? unit : patient;
    add<Communication>({
      resourceType: 'Communication',
      identifier: [{ system: errandMessageIdentifierSystem(meta.publicUrl), value: message.id }],
      partOf: [task],
      status: 'completed',
      category: [{ text: text(MESSAGE_KIND_TEXT[message.kind]) }],
      subject: patient,
      ...(message.kind === 'submission' && questionnaireResponse ? { about: [questionnaireResponse] } : {}),
      // The service is the channel: a message is in the recipient's inbox the moment it is stored.
      sent: iso(message.createdAt),
      received: iso(message.createdAt),
      sender: from,
      recipient: [to],
      payload: [{ contentString: content === '' ? text(MESSAGE_KIND_TEXT[message.kind]) : content }],
    });
  }

  // The history: who did what when, one Provenance per event, about the Task.
  for (const event of copy.events) {
    const who: Reference<Patient | RelatedPerson | PractitionerRole> =
      event.actor.kind === 'staff'
        ? staffRef(event.actor.hsaId)
        : event.onBehalfOf
          ? citizenRef(event.onBehalfOf)
          : citizenRef(event.actor.id);
    const role = event.actor.kind === 'staff' ? roleText(words, event.actor.role) : undefined;
    const activity = event.assignee
      ? text('record.to-assignee', { event: eventText(words, event.type), assignee: staffName(copy, event.assignee) })
      : eventText(words, event.type);
    add<Provenance>({
      resourceType: 'Provenance',
      target: [task],
      occurredDateTime: iso(event.at),
      recorded: iso(event.at),
      activity: { text: activity },
      agent: [
        {
          who,
          ...(event.onBehalfOf && event.actor.kind === 'citizen' ? { onBehalfOf: citizenRef(event.actor.id) } : {}),
          ...(role ? { role: [{ text: role }] } : {}),
        },
      ],
    });
  }

  return {
    resourceType: 'Bundle',
    language: copy.language,
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${meta.newId()}` },
    type: 'collection',
    timestamp: iso(copy.exportedAt),
    entry: entries.map((entry): BundleEntry => entry),
  };
}

function personOf(person: CopiedCitizen): Pick<Patient, 'identifier' | 'name'> {
  return {
    identifier: [{ system: SE_PERSONNUMMER_SYSTEM, value: person.personnummer }],
    name: [{ family: person.familyName, given: [person.givenName], text: `${person.givenName} ${person.familyName}` }],
  };
}
