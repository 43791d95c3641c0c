import type { ErrandEventType, ErrandStatus, FormDefinition, Language, StaffActor } from '@kontakta/domain';
import { openText } from '../../encryption/envelope.ts';
import { findCitizenById } from '../../storage/repositories/citizen.repository.ts';
import { listErrandEvents, listErrandMessages } from '../../storage/repositories/errand.repository.ts';
import { type FormVersionRow, findFormVersion } from '../../storage/repositories/errand-type.repository.ts';
import { findStaffNames } from '../../storage/repositories/people.repository.ts';
import { findCareUnits } from '../../storage/repositories/unit.repository.ts';
import { AppError } from '../app-error.ts';
import { questionnaireUrl } from '../errand-types/export-questionnaire.ts';
import { errandTypeName, professionName } from '../errands/errand-names.ts';
import { dataKeyOf, findVisibleErrand, logStaffAccess } from '../errands/errand-record.ts';
import { referenceReads } from '../reference-reads.ts';
import type { UseCaseContext } from '../services.ts';
import { stockholmTime } from './record-copy-texts.ts';

// A copy of an errand for the medical record (issue 18, point 8): everything the unit knows of it
// (who, what was asked, the thread, the history), decrypted once, for the FHIR bundle and the PDF
// to render. The errand service is not the record; this is what a caregiver charts from.

export type CopiedCitizen = Readonly<{ id: string; personnummer: string; givenName: string; familyName: string }>;
export type CopiedStaff = Readonly<{ hsaId: string; givenName: string; familyName: string; profession: string }>;

export type CopiedMessage = Readonly<{
  id: string;
  kind: 'submission' | 'answer' | 'citizen-reply';
  author: Readonly<{ kind: 'citizen'; id: string } | { kind: 'staff'; hsaId: string }>;
  createdAt: number;
  /** The form the answers follow (the version they were written with); null for a message only. */
  form: FormDefinition | null;
  answers: Readonly<Record<string, unknown>>;
}>;

export type CopiedEvent = Readonly<{
  type: ErrandEventType;
  at: number;
  /** The citizen the act counts as, or the staff member (with the role they acted in). */
  actor: Readonly<{ kind: 'citizen'; id: string } | { kind: 'staff'; hsaId: string; role: string | null }>;
  /** A guardian who acted as proxy (ombud) for the citizen. */
  onBehalfOf: string | null;
  assignee: string | null;
}>;

export type ErrandRecordCopy = Readonly<{
  errand: Readonly<{
    id: string;
    status: ErrandStatus;
    errandType: Readonly<{ id: string; name: string }>;
    unit: Readonly<{ hsaId: string; name: string }>;
    createdAt: number;
    lastEventAt: number;
    assignedTo: string | null;
    /** The Questionnaire the submission answers: canonical URL and version. */
    questionnaire: Readonly<{ url: string; version: number }>;
  }>;
  /** Whom the errand is about. */
  citizen: CopiedCitizen;
  /** Every other citizen who acted in it: guardians acting as proxy. */
  proxies: ReadonlyMap<string, CopiedCitizen>;
  staff: ReadonlyMap<string, CopiedStaff>;
  messages: readonly CopiedMessage[];
  events: readonly CopiedEvent[];
  exportedAt: number;
  /** The language of the staff member who took the copy: the copy's labels are written in it. */
  language: Language;
  /** Who took the copy: named on the PDF; in the bundle only where they acted in the errand. */
  exportedBy: Readonly<{ hsaId: string; name: string }>;
}>;

/**
 * Gathers the copy for a member of the unit who may read the errand (the errand access policy:
 * everyone else, citizens included, gets 404) and writes the export to the access log, in one
 * transaction, so that a copy exists exactly when its log entry does.
 */
export async function copyErrandForRecord(
  ctx: UseCaseContext<StaffActor>,
  errandId: string,
  language: Language,
): Promise<ErrandRecordCopy> {
  return ctx.database.db.transaction().execute(async (trx) => {
    const { row, access } = await findVisibleErrand(ctx, trx, errandId);
    if (access.as === 'citizen') throw new AppError('not-found');
    const [messageRows, eventRows, citizenRow, units] = await Promise.all([
      listErrandMessages(trx, row.id),
      listErrandEvents(trx, row.id),
      findCitizenById(trx, row.citizen_id),
      findCareUnits(trx, [row.unit_hsa_id]),
    ]);
    if (!citizenRow) throw new AppError('internal-error', 'citizen missing');
    const submission = messageRows.find((message) => message.kind === 'submission');
    const submissionVersion = submission?.form_version_id
      ? await findFormVersion(trx, submission.form_version_id)
      : undefined;
    if (!submission || !submissionVersion) throw new AppError('internal-error', 'submission or form version missing');

    const key = dataKeyOf(ctx, row);
    const versions = new Map<string, FormVersionRow | undefined>([[submissionVersion.id, submissionVersion]]);
    const messages: CopiedMessage[] = [];
    for (const message of messageRows) {
      let form: FormDefinition | null = null;
      if (message.form_version_id) {
        if (!versions.has(message.form_version_id)) {
          versions.set(message.form_version_id, await findFormVersion(trx, message.form_version_id));
        }
        const version = versions.get(message.form_version_id);
        if (version) {
          form = JSON.parse(
            message.kind === 'answer' ? version.answer_definition : version.definition,
          ) as FormDefinition;
        }
      }
      const content = JSON.parse(openText(key, Buffer.from(message.content), `${row.id}:${message.id}`)) as {
        answers: unknown;
      };
      messages.push({
        id: message.id,
        kind: message.kind,
        author:
          message.author_kind === 'staff'
            ? { kind: 'staff', hsaId: message.author_id }
            : { kind: 'citizen', id: message.author_id },
        createdAt: message.created_at,
        form,
        answers: isRecord(content.answers) ? content.answers : {},
      });
    }

    const events: CopiedEvent[] = eventRows.map((event) => ({
      type: event.type as ErrandEventType,
      at: event.at,
      actor:
        event.actor_kind === 'staff'
          ? { kind: 'staff', hsaId: event.actor_id, role: event.actor_role }
          : { kind: 'citizen', id: event.actor_id },
      onBehalfOf: event.on_behalf_of,
      // A move to a cover unit keeps the closed unit there, not a member of staff (issue 18).
      assignee: event.type === 'moved-to-cover-unit' ? null : event.assignee,
    }));

    const staffIds = new Set<string>();
    const citizenIds = new Set<string>();
    for (const message of messages) {
      if (message.author.kind === 'staff') staffIds.add(message.author.hsaId);
      else citizenIds.add(message.author.id);
    }
    for (const event of events) {
      if (event.actor.kind === 'staff') staffIds.add(event.actor.hsaId);
      else citizenIds.add(event.actor.id);
      if (event.onBehalfOf) citizenIds.add(event.onBehalfOf);
      if (event.assignee) staffIds.add(event.assignee);
    }
    if (row.assigned_to) staffIds.add(row.assigned_to);
    citizenIds.delete(row.citizen_id);

    const proxies = new Map<string, CopiedCitizen>();
    for (const id of citizenIds) {
      const person = await findCitizenById(trx, id);
      if (person) proxies.set(id, citizenOf(person));
    }
    const staff = new Map<string, CopiedStaff>(
      (await findStaffNames(trx, [...staffIds])).map((person) => [
        person.id,
        {
          hsaId: person.id,
          givenName: person.given_name,
          familyName: person.family_name,
          profession: professionName(person.profession)[language],
        },
      ]),
    );

    const [exporter] = staff.has(ctx.actor.hsaId) ? [] : await findStaffNames(trx, [ctx.actor.hsaId]);
    await logStaffAccess(ctx, trx, row, { hsaId: access.hsaId, role: access.as }, 'export-record');
    return {
      errand: {
        id: row.id,
        status: row.status,
        errandType: {
          id: row.errand_type,
          name: (await errandTypeName(referenceReads(trx), row.unit_hsa_id, row.errand_type))[language],
        },
        unit: { hsaId: row.unit_hsa_id, name: units[0]?.name ?? row.unit_hsa_id },
        createdAt: row.created_at,
        lastEventAt: row.last_event_at,
        assignedTo: row.assigned_to,
        questionnaire: {
          url: questionnaireUrl(ctx.config.publicUrl, row.unit_hsa_id, row.errand_type),
          version: submissionVersion.version,
        },
      },
      citizen: citizenOf(citizenRow),
      proxies,
      staff,
      messages,
      events,
      exportedAt: ctx.now,
      language,
      exportedBy: {
        hsaId: ctx.actor.hsaId,
        name: exporter ? `${exporter.given_name} ${exporter.family_name}` : staffNameIn(staff, ctx.actor.hsaId),
      },
    };
  });
}

function citizenOf(row: { id: string; personnummer: string; given_name: string; family_name: string }): CopiedCitizen {
  return { id: row.id, personnummer: row.personnummer, givenName: row.given_name, familyName: row.family_name };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A person's full name, or the identifier when the name is not known. */
export function staffName(copy: ErrandRecordCopy, hsaId: string): string {
  return staffNameIn(copy.staff, hsaId);
}

function staffNameIn(staff: ReadonlyMap<string, CopiedStaff>, hsaId: string): string {
  const person = staff.get(hsaId);
  return person ? `${person.givenName} ${person.familyName}` : hsaId;
}

export function citizenName(copy: ErrandRecordCopy, id: string): string {
  const person = id === copy.citizen.id ? copy.citizen : copy.proxies.get(id);
  return person ? `${person.givenName} ${person.familyName}` : '';
}

/**
 * The download's file name: the errand type and the date, never who it is about (file names end
 * up in download folders, browser histories and mail attachments).
 */
export function recordCopyFileName(copy: ErrandRecordCopy, extension: 'pdf' | 'json'): string {
  const date = stockholmTime(copy.exportedAt).slice(0, 10);
  const type = copy.errand.errandType.id.replace(/[^a-z0-9-]/gi, '').slice(0, 40) || 'arende';
  return `kontakta-${type}-${copy.errand.id.slice(0, 8)}-${date}.${extension}`;
}
