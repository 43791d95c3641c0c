import type { CitizenFolder } from '@kontakta/contract';
import type { ErrandStatus } from '@kontakta/domain';
import type { ExpressionBuilder, Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { precompiledInsert, precompiledQuery } from '../precompiled-query.ts';
import type { DatabaseSchema, ErrandEventTable, ErrandMessageTable, ErrandTable } from '../schema.ts';
import { literalLimit } from './literal-limit.ts';

export type ErrandRow = Selectable<ErrandTable>;
export type ErrandMessageRow = Selectable<ErrandMessageTable>;
export type ErrandEventRow = Selectable<ErrandEventTable>;

// Every send writes these (issue 20: compiled once, not per request).
const insertErrandRow = precompiledInsert('errand');
const insertMessageRow = precompiledInsert('errand_message');
const insertEventRow = precompiledInsert('errand_event');

export async function insertErrand(db: Kysely<DatabaseSchema>, row: Insertable<ErrandTable>): Promise<void> {
  await insertErrandRow(db, row);
}

const errandById = precompiledQuery<{ id: string }, ErrandRow>((db, a) =>
  db.selectFrom('errand').selectAll().where('id', '=', a.id),
);

export async function findErrand(db: Kysely<DatabaseSchema>, id: string): Promise<ErrandRow | undefined> {
  return (await errandById(db, { id }))[0];
}

/**
 * Writes a new state only if nobody changed the errand since it was read (optimistic
 * concurrency); returns false when someone did, and the caller answers 409.
 */
export async function updateErrand(
  db: Kysely<DatabaseSchema>,
  id: string,
  expectedVersion: number,
  changes: Updateable<ErrandTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('errand')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Changes the errand for new events (optimistic on `version`) and returns the position its first
 * new event takes, read in the same statement; undefined when the errand changed meanwhile.
 */
export async function updateErrandForEvents(
  db: Kysely<DatabaseSchema>,
  id: string,
  expectedVersion: number,
  changes: Updateable<ErrandTable>,
): Promise<number | undefined> {
  const updated = await db
    .updateTable('errand')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning((eb) =>
      eb
        .selectFrom('errand_event')
        .select((inner) => inner.fn.max('position').as('p'))
        .where('errand_id', '=', id)
        .as('last_event'),
    )
    .executeTakeFirst();
  return updated ? Number(updated.last_event ?? 0) + 1 : undefined;
}

export async function insertErrandMessage(
  db: Kysely<DatabaseSchema>,
  row: Insertable<ErrandMessageTable>,
): Promise<void> {
  await insertMessageRow(db, row);
}

export async function insertErrandEvents(
  db: Kysely<DatabaseSchema>,
  rows: Insertable<ErrandEventTable>[],
): Promise<void> {
  const [only] = rows;
  if (rows.length === 1 && only) await insertEventRow(db, only);
  else if (rows.length > 0) await db.insertInto('errand_event').values(rows).execute();
}

const messagesOf = precompiledQuery<{ errandId: string }, ErrandMessageRow>((db, a) =>
  db.selectFrom('errand_message').selectAll().where('errand_id', '=', a.errandId).orderBy('position'),
);
const eventsOf = precompiledQuery<{ errandId: string }, ErrandEventRow>((db, a) =>
  db.selectFrom('errand_event').selectAll().where('errand_id', '=', a.errandId).orderBy('position'),
);

export async function listErrandMessages(db: Kysely<DatabaseSchema>, errandId: string): Promise<ErrandMessageRow[]> {
  return messagesOf(db, { errandId });
}

export async function listErrandEvents(db: Kysely<DatabaseSchema>, errandId: string): Promise<ErrandEventRow[]> {
  return eventsOf(db, { errandId });
}

const lastPositions = precompiledQuery<{ errandId: string }, { message: number | null; event: number | null }>(
  (db, a) =>
    db.selectNoFrom((eb) => [
      eb
        .selectFrom('errand_message')
        .select((inner) => inner.fn.max('position').as('p'))
        .where('errand_id', '=', a.errandId)
        .as('message'),
      eb
        .selectFrom('errand_event')
        .select((inner) => inner.fn.max('position').as('p'))
        .where('errand_id', '=', a.errandId)
        .as('event'),
    ]),
);

/** The next message and event positions of an errand, in one statement. */
export async function nextPositions(
  db: Kysely<DatabaseSchema>,
  errandId: string,
): Promise<{ message: number; event: number }> {
  const [last] = await lastPositions(db, { errandId });
  return { message: Number(last?.message ?? 0) + 1, event: Number(last?.event ?? 0) + 1 };
}

export type Cursor = { at: number; id: string };

/** What a list row shows: no keys, no form reference (reading fewer columns is most of a list's cost). */
const SUMMARY_COLUMNS = [
  'id',
  'citizen_id',
  'unit_hsa_id',
  'errand_type',
  'status',
  'created_at',
  'last_event_at',
  'unread_by_citizen',
  'has_answer',
  'archived_by_citizen',
  'assigned_to',
  'waiting_since',
  'expires_at',
] as const;
export type ErrandSummaryRow = Pick<ErrandRow, (typeof SUMMARY_COLUMNS)[number]>;

/** A citizen's folder, newest activity first. Served by errand_citizen_folder_idx. */
export async function listCitizenErrands(
  db: Kysely<DatabaseSchema>,
  citizenId: string,
  folder: CitizenFolder,
  limit: number,
  after?: Cursor,
): Promise<ErrandSummaryRow[]> {
  // Every citizen's every page view: compiled once per shape (inbox or not, a cursor or not, the
  // page size, which is part of the text: see literal-limit.ts).
  const shape = `${folder === 'inbox'}|${after !== undefined}|${limit}`;
  let list = citizenListByShape.get(shape);
  if (!list) {
    list = precompiledQuery<CitizenListArgs, ErrandSummaryRow>((db, a) =>
      citizenListQuery(db, a, folder === 'inbox', after !== undefined, limit),
    );
    // Page sizes come from a validated range; the bound only guards against a caller that varies.
    if (citizenListByShape.size >= 64) citizenListByShape.clear();
    citizenListByShape.set(shape, list);
  }
  return list(db, {
    citizenId,
    archived: folder === 'archive' ? 1 : 0,
    afterAt: after?.at ?? 0,
    afterId: after?.id ?? '',
  });
}

type CitizenListArgs = { citizenId: string; archived: 0 | 1; afterAt: number; afterId: string };
const citizenListByShape = new Map<
  string,
  (db: Kysely<DatabaseSchema>, args: CitizenListArgs) => Promise<ErrandSummaryRow[]>
>();

function citizenListQuery(
  db: Kysely<DatabaseSchema>,
  a: CitizenListArgs,
  inbox: boolean,
  paged: boolean,
  limit: number,
) {
  let query = db
    .selectFrom('errand')
    .select(SUMMARY_COLUMNS)
    .where('citizen_id', '=', a.citizenId)
    .where('archived_by_citizen', '=', a.archived);
  // The inbox is what the unit has written to; "sent" is everything not archived.
  if (inbox) query = query.where('has_answer', '=', 1);
  // A row-value comparison lets both databases start the index range at the cursor.
  if (paged) query = query.where((eb) => eb(eb.refTuple('last_event_at', 'id'), '<', eb.tuple(a.afterAt, a.afterId)));
  return query.orderBy('last_event_at', 'desc').orderBy('id', 'desc').limit(literalLimit(limit));
}

/** The count of each folder and the unread, shown beside every page of the citizen's errands. */
const citizenCounts = precompiledQuery<
  { citizenId: string },
  { inbox: number | null; unread: number | null; sent: number | null; archive: number | null }
>((db, a) =>
  db
    .selectFrom('errand')
    .select((eb) => [
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('archived_by_citizen', '=', 0), eb('has_answer', '=', 1)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('inbox'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('archived_by_citizen', '=', 0), eb('unread_by_citizen', '=', 1)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('unread'),
      eb.fn.sum<number>(eb.case().when('archived_by_citizen', '=', 0).then(1).else(0).end()).as('sent'),
      eb.fn.sum<number>(eb.case().when('archived_by_citizen', '=', 1).then(1).else(0).end()).as('archive'),
    ])
    .where('citizen_id', '=', a.citizenId),
);

export async function countCitizenErrands(
  db: Kysely<DatabaseSchema>,
  citizenId: string,
): Promise<{ inbox: number; unread: number; sent: number; archive: number }> {
  const [row] = await citizenCounts(db, { citizenId });
  return {
    inbox: Number(row?.inbox ?? 0),
    unread: Number(row?.unread ?? 0),
    sent: Number(row?.sent ?? 0),
    archive: Number(row?.archive ?? 0),
  };
}

export type UnitInboxFilter = {
  statuses?: ReadonlyArray<ErrandRow['status']>;
  unassigned?: boolean;
  assignedTo?: string;
  errandType?: string;
  /** Only errands waiting for the unit since before this time. */
  waitingSinceBefore?: number;
  /** Only errands about citizens whose personnummer ends with these digits. */
  personnummerEndsWith?: string;
  /** Only errands about citizens whose name contains every word (case as typed; ASCII folds). */
  nameWords?: readonly string[];
};

/** How a unit's list is ordered; each then by received and id, so the order is total. */
export type UnitInboxOrder = 'received' | 'received-desc' | 'waiting' | 'type' | 'status';

/** Where a page ended: the order's own key (`k`), then received and id. */
export type OrderedCursor = { k: string | number; at: number; id: string };

const ORDER_COLUMNS = {
  received: 'errand.created_at',
  'received-desc': 'errand.created_at',
  waiting: 'errand.waiting_since',
  type: 'errand.errand_type',
  status: 'errand.status',
} as const;

/** The order's key of a row, for the next page's cursor. */
export function orderKeyOf(row: StaffErrandSummaryRow, order: UnitInboxOrder): string | number {
  switch (order) {
    case 'received':
    case 'received-desc':
      return row.created_at;
    case 'waiting':
      return row.waiting_since ?? 0;
    case 'type':
      return row.errand_type;
    case 'status':
      return row.status;
  }
}

/** What a staff list row shows: the summary and who the errand is from (plaintext in `citizen`). */
const STAFF_SUMMARY_COLUMNS = [
  ...SUMMARY_COLUMNS.map((column) => `errand.${column}` as const),
  'errand.citizen_reply_at',
  'citizen.personnummer as citizen_personnummer',
  'citizen.given_name as citizen_given_name',
  'citizen.family_name as citizen_family_name',
] as const;
export type StaffErrandSummaryRow = ErrandSummaryRow & {
  citizen_reply_at: number | null;
  citizen_personnummer: string;
  citizen_given_name: string;
  citizen_family_name: string;
};

/**
 * Staff lists: the errands with their citizen, joined on the citizen's primary key, so each row
 * costs one key lookup on top of the errand index the query walks (columns are qualified: both
 * tables have `id` and `created_at`).
 */
function staffErrandQuery(db: Kysely<DatabaseSchema>) {
  return db.selectFrom('errand').innerJoin('citizen', 'citizen.id', 'errand.citizen_id').select(STAFF_SUMMARY_COLUMNS);
}

/**
 * A unit's errands in the order asked (oldest first by default: who has waited longest comes
 * first). Every order walks one of the unit's errand indexes (unit + the order's column + received).
 */
export async function listUnitErrands(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  filter: UnitInboxFilter,
  limit: number,
  after?: OrderedCursor,
  order: UnitInboxOrder = 'received',
): Promise<StaffErrandSummaryRow[]> {
  // Several statuses (unanswered = new, open, assigned), oldest first: one page per status, merged.
  // As one query the database walks the unit's whole history in date order to find the few open
  // errands, which are the newest, so the page got slower as the history grew (bench/results: unit inbox).
  if (order === 'received' && filter.statuses && filter.statuses.length > 1) {
    const pages = await Promise.all(
      filter.statuses.map((status) =>
        listUnitErrands(db, unitHsaId, { ...filter, statuses: [status] }, limit, after, order),
      ),
    );
    return pages
      .flat()
      .sort((a, b) => a.created_at - b.created_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit);
  }
  const column = ORDER_COLUMNS[order];
  const descending = order === 'received-desc';
  let query = staffErrandQuery(db).where('errand.unit_hsa_id', '=', unitHsaId);
  query = applyFilter(query, filter);
  // Only errands that wait have a waiting time to order by.
  if (order === 'waiting') query = query.where('errand.waiting_since', 'is not', null);
  if (after) {
    const beyond = descending ? '<' : '>';
    query = query.where((eb) =>
      eb.or([
        eb(column, beyond, after.k),
        eb.and([eb(column, '=', after.k), eb('errand.created_at', beyond, after.at)]),
        eb.and([eb(column, '=', after.k), eb('errand.created_at', '=', after.at), eb('errand.id', beyond, after.id)]),
      ]),
    );
  }
  const direction = descending ? 'desc' : 'asc';
  if (column !== 'errand.created_at') query = query.orderBy(column, direction);
  return query
    .orderBy('errand.created_at', direction)
    .orderBy('errand.id', direction)
    .limit(literalLimit(limit))
    .execute();
}

/** What a deadline needs of every errand waiting at a unit (for "Obesvarade" by time left). */
export async function listWaitingErrandTimes(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  statuses: ReadonlyArray<ErrandRow['status']>,
) {
  return db
    .selectFrom('errand')
    .select(['unit_hsa_id', 'errand_type', 'waiting_since'])
    .where('unit_hsa_id', '=', unitHsaId)
    .where('status', 'in', [...statuses])
    .execute();
}

export async function countUnitErrands(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  filter: UnitInboxFilter,
): Promise<number> {
  let query = db
    .selectFrom('errand')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_hsa_id', '=', unitHsaId);
  query = applyFilter(query, filter);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A unit's errands still waiting for an answer. */
export const OPEN_STATUSES = ['new', 'open', 'assigned'] as const;
/**
 * Open and unassigned are the same errands by the state machine (new and open have no caregiver,
 * assigned always has one), and asking by status alone keeps the query on the unit's own index:
 * "assignee is null" led the planner to a country-wide index of unassigned errands.
 */
export const UNASSIGNED_STATUSES = ['new', 'open'] as const;

export type UnitInboxCounts = { new: number; unassigned: number; unanswered: number; mine: number };

/**
 * The counts every page of a unit's inbox shows, in one statement compiled once (issue 20: two
 * statements built on every page before): the unit's new errands, its unassigned ones (new or
 * open: the state machine gives those no caregiver), its unanswered ones (also assigned), and the
 * receiver's own (assigned to them, assigned or answered). The unit's counts are ranges of
 * errand_unit_status_idx; the receiver's reads errand_assigned_idx alone (migration 34).
 */
export async function countUnitInbox(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  staffHsaId: string,
): Promise<UnitInboxCounts> {
  const [row] = await unitInboxCounts(db, { unit: unitHsaId, staff: staffHsaId });
  return {
    new: Number(row?.new ?? 0),
    unassigned: Number(row?.unassigned ?? 0),
    unanswered: Number(row?.unanswered ?? 0),
    mine: Number(row?.mine ?? 0),
  };
}

const unitInboxCounts = precompiledQuery<{ unit: string; staff: string }, UnitInboxCounts>((db, a) => {
  const atUnit = (statuses: readonly ErrandStatus[]) =>
    db
      .selectFrom('errand')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unit_hsa_id', '=', a.unit)
      .where('status', 'in', [...statuses]);
  return db
    .selectNoFrom([
      atUnit(['new']).as('new'),
      atUnit(UNASSIGNED_STATUSES).as('unassigned'),
      atUnit(OPEN_STATUSES).as('unanswered'),
      atUnit(['assigned', 'answered']).where('assigned_to', '=', a.staff).as('mine'),
    ])
    .$castTo<UnitInboxCounts>();
});

/** A caregiver's own errands across the units they serve, oldest first. Served by errand_assigned_idx. */
export async function listAssignedErrands(
  db: Kysely<DatabaseSchema>,
  hsaId: string,
  unitHsaIds: readonly string[],
  statuses: readonly ErrandStatus[],
  limit: number,
  after?: Cursor,
): Promise<StaffErrandSummaryRow[]> {
  if (unitHsaIds.length === 0) return [];
  let query = staffErrandQuery(db)
    .where('errand.assigned_to', '=', hsaId)
    .where('errand.status', 'in', [...statuses])
    .where('errand.unit_hsa_id', 'in', [...unitHsaIds]);
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('errand.created_at', '>', after.at),
        eb.and([eb('errand.created_at', '=', after.at), eb('errand.id', '>', after.id)]),
      ]),
    );
  }
  return query.orderBy('errand.created_at').orderBy('errand.id').limit(literalLimit(limit)).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: shared by the select and the count query builders.
function applyFilter<Q extends { where: (...args: any[]) => any }>(query: Q, filter: UnitInboxFilter): Q {
  let q = query;
  // Qualified: the lists join `citizen`.
  if (filter.statuses && filter.statuses.length > 0) q = q.where('errand.status', 'in', [...filter.statuses]);
  if (filter.unassigned) q = q.where('errand.assigned_to', 'is', null);
  if (filter.assignedTo) q = q.where('errand.assigned_to', '=', filter.assignedTo);
  if (filter.errandType) q = q.where('errand.errand_type', '=', filter.errandType);
  if (filter.waitingSinceBefore !== undefined) q = q.where('errand.waiting_since', '<', filter.waitingSinceBefore);
  if (filter.personnummerEndsWith) {
    q = q.where('citizen.personnummer', 'like', `%${filter.personnummerEndsWith.replace(/\D/g, '')}`);
  }
  for (const word of filter.nameWords ?? []) {
    const pattern = `%${word.replace(/[\\%_]/g, '')}%`;
    q = q.where((eb: ExpressionBuilder<DatabaseSchema, 'errand' | 'citizen'>) =>
      eb.or([eb('citizen.given_name', 'like', pattern), eb('citizen.family_name', 'like', pattern)]),
    );
  }
  return q;
}

/** Errand types by errand id (for the access log extract; deleted errands are simply absent). */
export async function findErrandTypes(
  db: Kysely<DatabaseSchema>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('errand')
    .select(['id', 'errand_type'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.errand_type]));
}
