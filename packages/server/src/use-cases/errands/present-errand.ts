import type { CitizenErrandDetail, ErrandSummary, StaffErrandDetail, StaffErrandSummary } from '@kontakta/contract';
import { deletionDateOf, type Language, type RetentionRules, retentionNoticeFrom } from '@kontakta/domain';
import type { Kysely } from 'kysely';
import { openText } from '../../encryption/envelope.ts';
import { getErrandNotificationStatus } from '../../notifications/delivery-status.ts';
import {
  type ErrandEventRow,
  type ErrandMessageRow,
  type ErrandRow,
  type ErrandSummaryRow,
  listErrandEvents,
  listErrandMessages,
  type StaffErrandSummaryRow,
} from '../../storage/repositories/errand.repository.ts';
import { listErrandNotes } from '../../storage/repositories/errand-note.repository.ts';
import type { FormVersionRow } from '../../storage/repositories/errand-type.repository.ts';
import { findPeople, findStaffNames, type PersonRow } from '../../storage/repositories/people.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { cachedReferenceReads, type ReferenceReads } from '../reference-reads.ts';
import type { UseCaseContext } from '../services.ts';
import { errandTypeName, type Localized, professionName } from './errand-names.ts';
import { dataKeyOf } from './errand-record.ts';
import { deadlinesAt } from './reply-deadlines.ts';

// A form version never changes, and the reference cache hands out the same frozen row while it
// keeps it: its definitions are parsed once per cached row, not at every opening (issue 20: they
// were 4 % of an opening's CPU). Shared between answers, so never changed after parsing.
const parsedDefinitions = new WeakMap<FormVersionRow, Partial<Record<DefinitionColumn, unknown>>>();
type DefinitionColumn = 'definition' | 'answer_definition';

function definitionOf(version: FormVersionRow, column: DefinitionColumn): unknown {
  let parsed = parsedDefinitions.get(version);
  if (!parsed) {
    parsed = {};
    parsedDefinitions.set(version, parsed);
  }
  parsed[column] ??= JSON.parse(version[column]) as unknown;
  return parsed[column];
}

/** What a list needs to say "tas bort <datum>" on errands within the retention notice period. */
export type DeletionNotice = Readonly<{ now: number; rules: RetentionRules }>;

export function deletionNoticeOf(ctx: Pick<UseCaseContext, 'now' | 'config'>): DeletionNotice {
  return { now: ctx.now, rules: ctx.config.retention };
}

function deletesOn(expiresAt: number | null, notice: DeletionNotice): string | null {
  if (expiresAt === null || notice.now < retentionNoticeFrom(expiresAt, notice.rules)) return null;
  return deletionDateOf(expiresAt);
}

/** List rows as the API shows them, with unit and type names looked up once per page. */
export async function presentSummaries(
  reads: ReferenceReads,
  rows: ErrandSummaryRow[],
  notice: DeletionNotice,
): Promise<ErrandSummary[]> {
  const units = new Map(
    (await reads.careUnits([...new Set(rows.map((r) => r.unit_hsa_id))])).map((u) => [u.hsa_id, u]),
  );
  const typeNames = new Map<string, Localized>();
  const out: ErrandSummary[] = [];
  for (const row of rows) {
    out.push({
      id: row.id,
      unit: { hsaId: row.unit_hsa_id, name: units.get(row.unit_hsa_id)?.name ?? row.unit_hsa_id },
      errandType: {
        id: row.errand_type,
        name: await errandTypeName(reads, row.unit_hsa_id, row.errand_type, typeNames),
      },
      status: row.status,
      createdAt: row.created_at,
      lastEventAt: row.last_event_at,
      unread: row.unread_by_citizen === 1,
      hasAnswer: row.has_answer === 1,
      archived: row.archived_by_citizen === 1,
      deletesOn: deletesOn(row.expires_at, notice),
    });
  }
  return out;
}

/**
 * List rows for staff: the summary plus who the errand is from, who has it and since when it has
 * waited. The citizen comes from the list query's join; nothing is decrypted for a list.
 */
export async function presentStaffSummaries(
  reads: ReferenceReads,
  rows: StaffErrandSummaryRow[],
  notice: DeletionNotice,
): Promise<StaffErrandSummary[]> {
  const summaries = await presentSummaries(reads, rows, notice);
  const deadlineOf = await deadlinesAt(
    reads,
    rows.map((row) => row.unit_hsa_id),
  );
  return summaries.map((summary, i) => {
    const row = rows[i] as StaffErrandSummaryRow;
    return {
      ...summary,
      citizen: {
        personnummer: row.citizen_personnummer,
        name: `${row.citizen_given_name} ${row.citizen_family_name}`,
      },
      assignedTo: row.assigned_to,
      waitingSince: row.waiting_since,
      citizenReplyAt: row.citizen_reply_at,
      replyBy: deadlineOf(row),
    };
  });
}

/**
 * The whole errand: decrypted thread with the form each part was written on, and the history
 * with names as the unit chooses to show its staff. `viewer` decides how much of staff identity
 * the citizen sees; staff always see full names, and also who has the errand, who it is about and
 * how the citizen's notifications fared (the citizen's answer schema would drop these anyway).
 */
export async function presentErrand(
  ctx: UseCaseContext,
  db: Kysely<DatabaseSchema>,
  row: ErrandRow,
  viewer: 'citizen',
  language: Language,
): Promise<CitizenErrandDetail>;
export async function presentErrand(
  ctx: UseCaseContext,
  db: Kysely<DatabaseSchema>,
  row: ErrandRow,
  viewer: 'staff',
  language: Language,
): Promise<StaffErrandDetail>;
export async function presentErrand(
  ctx: UseCaseContext,
  db: Kysely<DatabaseSchema>,
  row: ErrandRow,
  viewer: 'citizen' | 'staff',
  language: Language,
): Promise<CitizenErrandDetail | StaffErrandDetail> {
  // `db` changes no reference data (the pool, or a transaction that does not): the cache may keep what it reads.
  const reads = cachedReferenceReads(ctx.database, db);
  const [summary] = await presentSummaries(reads, [row], deletionNoticeOf(ctx));
  const [messages, events, setting] = await Promise.all([
    listErrandMessages(db, row.id),
    listErrandEvents(db, row.id),
    reads.unitSetting(row.unit_hsa_id),
  ]);
  const names = await nameBook(db, row, messages, events, viewer);
  // An errand sent during a closure names the closed unit on its move to the cover unit (issue 18).
  const closedUnits = new Map(
    (
      await reads.careUnits([
        ...new Set(events.flatMap((e) => (e.type === 'moved-to-cover-unit' && e.assignee ? [e.assignee] : []))),
      ])
    ).map((unit) => [unit.hsa_id, unit.name]),
  );
  const showStaff = (hsaId: string) => {
    const staff = names.staff.get(hsaId);
    if (viewer === 'citizen' && setting?.staff_names === 'profession')
      return professionName(staff?.profession)[language];
    return staff ? `${staff.given_name} ${staff.family_name}` : professionName(undefined)[language];
  };
  // Who answered, as 1177 shows it: "Sofia Holmgren, läkare", or the title alone where the unit
  // shows titles only.
  const showResponder = (hsaId: string) => {
    const staff = names.staff.get(hsaId);
    const title = professionName(staff?.profession)[language];
    if (!staff || (viewer === 'citizen' && setting?.staff_names === 'profession')) return title;
    return `${staff.given_name} ${staff.family_name}, ${title.toLocaleLowerCase(language)}`;
  };
  const showCitizen = (id: string) => {
    const person = names.citizens.get(id);
    return person ? `${person.given_name} ${person.family_name}` : '';
  };
  const key = dataKeyOf(ctx, row);
  const versions = new Map<string, FormVersionRow | undefined>();
  const formOf = async (message: ErrandMessageRow) => {
    if (!message.form_version_id) return null;
    if (!versions.has(message.form_version_id)) {
      versions.set(message.form_version_id, await reads.formVersion(message.form_version_id));
    }
    const version = versions.get(message.form_version_id);
    if (!version) return null;
    return definitionOf(version, message.kind === 'answer' ? 'answer_definition' : 'definition');
  };

  const thread: CitizenErrandDetail['messages'] = [];
  for (const message of messages) {
    const content = JSON.parse(openText(key, Buffer.from(message.content), `${row.id}:${message.id}`)) as {
      answers: unknown;
    };
    thread.push({
      id: message.id,
      kind: message.kind,
      author: {
        kind: message.author_kind,
        display: message.author_kind === 'staff' ? showResponder(message.author_id) : showCitizen(message.author_id),
        // A citizen message by someone else than the errand's citizen was a guardian acting as proxy.
        ...(message.author_kind === 'citizen' && message.author_id !== row.citizen_id
          ? { onBehalfOf: showCitizen(row.citizen_id) }
          : {}),
      },
      createdAt: message.created_at,
      answers: content.answers,
      form: await formOf(message),
    });
  }

  const detail: CitizenErrandDetail = {
    ...(summary as ErrandSummary),
    replyAllowed: row.reply_allowed === 1,
    messages: thread,
    history: events.map((event) => ({
      type: event.type,
      at: event.at,
      // A guardian acting as proxy is recorded as the child's act with the guardian beside it
      // (errand-record.ts); shown as "<guardian> för <child>".
      actor: event.on_behalf_of
        ? { kind: event.actor_kind, display: showCitizen(event.on_behalf_of), onBehalfOf: showCitizen(event.actor_id) }
        : {
            kind: event.actor_kind,
            display: event.actor_kind === 'staff' ? showStaff(event.actor_id) : showCitizen(event.actor_id),
          },
      ...(event.assignee
        ? {
            assignee:
              event.type === 'moved-to-cover-unit'
                ? (closedUnits.get(event.assignee) ?? event.assignee)
                : showStaff(event.assignee),
          }
        : {}),
    })),
  };
  if (viewer === 'citizen') return detail;

  // The name book holds the errand's citizen and, on a proxy's errand, the guardian who sent it.
  const citizen = names.citizens.get(row.citizen_id);
  const proxyId = events.find((event) => event.type === 'sent')?.on_behalf_of;
  const proxy = proxyId ? names.citizens.get(proxyId) : undefined;
  // Outside a transaction (read-errand.ts) the two run side by side on PostgreSQL's pool.
  const [notifications, notes] = await Promise.all([
    getErrandNotificationStatus(db, row.id),
    presentNotes(db, row, key),
  ]);
  return {
    ...detail,
    assignedTo: row.assigned_to,
    ...(citizen ? { citizen: citizenRef(citizen) } : {}),
    ...(proxy ? { sentByProxy: citizenRef(proxy) } : {}),
    notifications: notifications.map((n) => ({
      channel: n.channel,
      status: n.status,
      to: n.to,
      createdAt: n.createdAt,
    })),
    notes,
  };
}

/** Staff-only notes, opened with the errand's key; authors by full name. */
async function presentNotes(db: Kysely<DatabaseSchema>, row: ErrandRow, key: Buffer) {
  const notes = await listErrandNotes(db, row.id);
  if (notes.length === 0) return [];
  const authors = new Map(
    (await findStaffNames(db, [...new Set(notes.map((n) => n.author_hsa_id))])).map((r) => [r.id, r]),
  );
  return notes.map((note) => {
    const author = authors.get(note.author_hsa_id);
    const content = JSON.parse(openText(key, Buffer.from(note.content), `${row.id}:note:${note.id}`)) as {
      text: string;
    };
    return {
      id: note.id,
      author: author ? `${author.given_name} ${author.family_name}` : note.author_hsa_id,
      createdAt: note.created_at,
      text: content.text,
    };
  });
}

function citizenRef(row: { personnummer: string | null; given_name: string; family_name: string }) {
  return { personnummer: row.personnummer ?? '', name: `${row.given_name} ${row.family_name}` };
}

async function nameBook(
  db: Kysely<DatabaseSchema>,
  row: ErrandRow,
  messages: ErrandMessageRow[],
  events: ErrandEventRow[],
  viewer: 'citizen' | 'staff',
) {
  const staffIds = new Set<string>();
  const citizenIds = new Set<string>();
  for (const m of messages) (m.author_kind === 'staff' ? staffIds : citizenIds).add(m.author_id);
  // Staff see who the errand is about (with personnummer) whatever the thread holds.
  if (viewer === 'staff' || messages.some((m) => m.author_kind === 'citizen')) citizenIds.add(row.citizen_id);
  for (const e of events) {
    (e.actor_kind === 'staff' ? staffIds : citizenIds).add(e.actor_id);
    if (e.assignee) staffIds.add(e.assignee);
    if (e.on_behalf_of) citizenIds.add(e.on_behalf_of);
  }
  const people = await findPeople(db, { staff: [...staffIds], citizens: [...citizenIds] });
  const byId = (kind: PersonRow['kind']) => new Map(people.filter((p) => p.kind === kind).map((p) => [p.id, p]));
  return { staff: byId('staff'), citizens: byId('citizen') };
}
