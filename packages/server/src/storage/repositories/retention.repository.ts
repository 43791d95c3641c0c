import type { Kysely, Selectable } from 'kysely';
import type { DatabaseSchema, ErrandTable } from '../schema.ts';

type ErrandRow = Selectable<ErrandTable>;

/** Errands from before retention (no expiry yet), in id order: the job adopts them in batches. */
export async function listErrandsWithoutExpiry(db: Kysely<DatabaseSchema>, limit: number): Promise<ErrandRow[]> {
  return db.selectFrom('errand').selectAll().where('expires_at', 'is', null).orderBy('id').limit(limit).execute();
}

/** Errands expiring in (now, until] whose citizen has not been told about that expiry. An index range. */
export async function listErrandsToNotify(
  db: Kysely<DatabaseSchema>,
  now: number,
  until: number,
  limit: number,
): Promise<ErrandRow[]> {
  return db
    .selectFrom('errand')
    .selectAll()
    .where('expires_at', '>', now)
    .where('expires_at', '<=', until)
    .where((eb) =>
      eb.or([eb('retention_notice_for', 'is', null), eb('retention_notice_for', '!=', eb.ref('expires_at'))]),
    )
    .orderBy('expires_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Errands whose expiry has come, oldest first. An index range. */
export async function listExpiredErrands(db: Kysely<DatabaseSchema>, now: number, limit: number): Promise<ErrandRow[]> {
  return db
    .selectFrom('errand')
    .selectAll()
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function markRetentionNoticeSent(db: Kysely<DatabaseSchema>, id: string, expiresAt: number) {
  await db.updateTable('errand').set({ retention_notice_for: expiresAt }).where('id', '=', id).execute();
}

/**
 * Deletes an errand with everything that belongs to it (messages, events, its notifications and
 * their delivery status) and leaves a tombstone, in the caller's transaction: lists never see half
 * of it. The access log keeps its rows (ids only): it outlives the errand by its own period.
 */
export async function deleteErrandForRetention(
  db: Kysely<DatabaseSchema>,
  row: ErrandRow,
  now: number,
): Promise<boolean> {
  // Claim the row as read first (on PostgreSQL this also locks it): an event that arrived
  // meanwhile moved its expiry, so it stays, with every message and event it has.
  const claimed = await db
    .updateTable('errand')
    .set({ version: row.version + 1 })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return false;
  await db.deleteFrom('errand_message').where('errand_id', '=', row.id).execute();
  await db.deleteFrom('errand_note').where('errand_id', '=', row.id).execute();
  await db.deleteFrom('errand_event').where('errand_id', '=', row.id).execute();
  await db.deleteFrom('outbox').where('errand_id', '=', row.id).execute();
  await db.deleteFrom('errand').where('id', '=', row.id).execute();
  await db
    .insertInto('errand_tombstone')
    .values({
      id: row.id,
      citizen_id: row.citizen_id,
      unit_hsa_id: row.unit_hsa_id,
      errand_type: row.errand_type,
      created_at: row.created_at,
      deleted_at: now,
      reason: 'retention',
    })
    .execute();
  return true;
}

/** Whether any errand still has its key wrapped under this deletion key id. */
export async function anyErrandWrappedBy(db: Kysely<DatabaseSchema>, keyId: string): Promise<boolean> {
  const row = await db.selectFrom('errand').select('id').where('key_id', '=', keyId).limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function findTombstone(db: Kysely<DatabaseSchema>, id: string) {
  return db.selectFrom('errand_tombstone').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inbox messages older than the retention period go too. */
export async function deleteInboxMessagesBefore(db: Kysely<DatabaseSchema>, before: number, limit: number) {
  const ids = await db.selectFrom('inbox_message').select('id').where('created_at', '<', before).limit(limit).execute();
  if (ids.length === 0) return 0;
  await db
    .deleteFrom('inbox_message')
    .where(
      'id',
      'in',
      ids.map((r) => r.id),
    )
    .execute();
  return ids.length;
}

/** What retention will delete, by unit and deletion month, up to `until` (the dry run). */
export async function countExpiringByUnitAndMonth(db: Kysely<DatabaseSchema>, until: number) {
  return db
    .selectFrom('errand')
    .select(['unit_hsa_id', 'key_id'])
    .select((eb) => eb.fn.countAll<number | string>().as('errands'))
    .select((eb) => eb.fn.min('expires_at').as('first'))
    .where('expires_at', '<=', until)
    .groupBy(['unit_hsa_id', 'key_id'])
    .orderBy('unit_hsa_id')
    .orderBy('key_id')
    .execute();
}

export async function countErrandsWithoutExpiry(db: Kysely<DatabaseSchema>): Promise<number> {
  const row = await db
    .selectFrom('errand')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('expires_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many errands are due for deletion at `now`. */
export async function countExpiredErrands(db: Kysely<DatabaseSchema>, now: number): Promise<number> {
  const row = await db
    .selectFrom('errand')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('expires_at', '<=', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
