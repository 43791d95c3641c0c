import type { Kysely, Selectable } from 'kysely';
import type { AccessLogAnchorTable } from '../access-log-anchor-schema.ts';
import type { Dialect } from '../database.ts';
import { precompiledInsert, precompiledQuery } from '../precompiled-query.ts';
import type { AccessLogTable, DatabaseSchema } from '../schema.ts';
import { literalLimit } from './literal-limit.ts';

export type AccessLogRow = Selectable<AccessLogTable>;
export type AccessLogAnchor = Selectable<AccessLogAnchorTable>;

type ChainHead = { position: number; hash: string };
// Every staff read runs these (issue 20: compiled once, not per request).
const headOf = precompiledQuery<{ unitHsaId: string }, ChainHead>((db, a) =>
  db.selectFrom('access_log_head').select(['position', 'hash']).where('unit_hsa_id', '=', a.unitHsaId),
);
const lockedHeadOf = precompiledQuery<{ unitHsaId: string }, ChainHead>((db, a) =>
  db.selectFrom('access_log_head').select(['position', 'hash']).where('unit_hsa_id', '=', a.unitHsaId).forUpdate(),
);
const insertOneEntry = precompiledInsert('access_log');

/**
 * Locks the unit's chain head for this transaction and returns it. On PostgreSQL the row lock
 * serialises writers of one unit's chain (other units' chains are not blocked); SQLite runs one
 * writing transaction at a time anyway.
 */
export async function lockAccessLogHead(
  db: Kysely<DatabaseSchema>,
  dialect: Dialect,
  unitHsaId: string,
  genesisHash: string,
): Promise<ChainHead> {
  const read = () => (dialect === 'postgres' ? lockedHeadOf : headOf)(db, { unitHsaId });
  const [head] = await read();
  if (head) return head;
  // The unit's first entry: start its chain (another transaction may just have; then theirs stands).
  await db
    .insertInto('access_log_head')
    .values({ unit_hsa_id: unitHsaId, position: 0, hash: genesisHash })
    .onConflict((oc) => oc.column('unit_hsa_id').doNothing())
    .execute();
  const [started] = await read();
  if (!started) throw new Error(`no access log head for ${unitHsaId}`);
  return started;
}

/** Appends entries; the unit's chain head follows them by trigger (migration 2026-12-06-27). */
export async function appendAccessLogRows(db: Kysely<DatabaseSchema>, rows: AccessLogRow[]): Promise<void> {
  const [only] = rows;
  if (rows.length === 1 && only) await insertOneEntry(db, only);
  else if (rows.length > 0) await db.insertInto('access_log').values(rows).execute();
}

/** A citizen's "who has read my errands", newest first, by cursor (at, id). */
export async function listAccessLogForCitizen(
  db: Kysely<DatabaseSchema>,
  citizenId: string,
  limit: number,
  before?: { at: number; id: string },
): Promise<AccessLogRow[]> {
  let query = db.selectFrom('access_log').selectAll().where('citizen_id', '=', citizenId);
  if (before) {
    query = query.where((eb) =>
      eb.or([eb('at', '<', before.at), eb.and([eb('at', '=', before.at), eb('id', '<', before.id)])]),
    );
  }
  return query.orderBy('at', 'desc').orderBy('id', 'desc').limit(literalLimit(limit)).execute();
}

export async function listAccessLogUnits(
  db: Kysely<DatabaseSchema>,
): Promise<Array<{ unit_hsa_id: string; position: number; hash: string }>> {
  return db.selectFrom('access_log_head').select(['unit_hsa_id', 'position', 'hash']).orderBy('unit_hsa_id').execute();
}

/** One unit's chain in order, a page at a time (a chain can hold millions of rows). */
export async function readAccessLogChain(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  afterPosition: number,
  limit: number,
): Promise<AccessLogRow[]> {
  return db
    .selectFrom('access_log')
    .selectAll()
    .where('unit_hsa_id', '=', unitHsaId)
    .where('position', '>', afterPosition)
    .orderBy('position')
    .limit(limit)
    .execute();
}

/** The hash stored with one entry of a unit's chain, or undefined when there is no such entry. */
export async function readAccessLogEntryHash(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  position: number,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('access_log')
    .select('hash')
    .where('unit_hsa_id', '=', unitHsaId)
    .where('position', '=', position)
    .executeTakeFirst();
  return row?.hash;
}

/** Where each pruned unit's chain now starts (see migration 2026-12-06-10). */
export async function listAccessLogAnchors(db: Kysely<DatabaseSchema>): Promise<AccessLogAnchor[]> {
  return db.selectFrom('access_log_anchor').selectAll().orderBy('unit_hsa_id').execute();
}

export async function readAccessLogAnchor(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
): Promise<AccessLogAnchor | undefined> {
  return db.selectFrom('access_log_anchor').selectAll().where('unit_hsa_id', '=', unitHsaId).executeTakeFirst();
}

/** How many entries of a unit's chain lie at or below a position (for an anchor: none should). */
export async function countAccessLogEntriesUpTo(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  position: number,
): Promise<number> {
  const row = await db
    .selectFrom('access_log')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('unit_hsa_id', '=', unitHsaId)
    .where('position', '<=', position)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Moves a unit's anchor to `anchor` and removes the entries it now covers, in the caller's
 * transaction. The order matters: the database lets a DELETE through only below the anchor.
 */
export async function pruneAccessLogTo(
  db: Kysely<DatabaseSchema>,
  anchor: AccessLogAnchor,
  previousPosition: number | undefined,
): Promise<number> {
  if (previousPosition === undefined) {
    await db.insertInto('access_log_anchor').values(anchor).execute();
  } else {
    await db
      .updateTable('access_log_anchor')
      .set({ position: anchor.position, hash: anchor.hash, last_at: anchor.last_at, pruned_at: anchor.pruned_at })
      .where('unit_hsa_id', '=', anchor.unit_hsa_id)
      .where('position', '=', previousPosition)
      .execute();
  }
  const deleted = await db
    .deleteFrom('access_log')
    .where('unit_hsa_id', '=', anchor.unit_hsa_id)
    .where('position', '>', previousPosition ?? 0)
    .where('position', '<=', anchor.position)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows);
}
