import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Dialect } from '../database.ts';
import type { DatabaseSchema, UnitAdminChangeTable } from '../schema.ts';

export type UnitAdminChangeRow = Selectable<UnitAdminChangeTable>;

/**
 * Serialises a unit's administrative changes: the next form version number, link positions and
 * limits are read and written by one administrator at a time. On PostgreSQL a row lock on the
 * unit (NO KEY UPDATE, so errands referencing the unit are not held up); SQLite has one writer.
 * Returns false when the unit does not exist.
 */
export async function lockUnitForChange(db: Kysely<DatabaseSchema>, dialect: Dialect, hsaId: string): Promise<boolean> {
  const query = db.selectFrom('care_unit').select('hsa_id').where('hsa_id', '=', hsaId);
  const row = await (dialect === 'postgres' ? query.forNoKeyUpdate() : query).executeTakeFirst();
  return row !== undefined;
}

export async function insertUnitAdminChange(
  db: Kysely<DatabaseSchema>,
  row: Insertable<UnitAdminChangeTable>,
): Promise<void> {
  await db.insertInto('unit_admin_change').values(row).execute();
}

/** Newest first; `after` is the last row of the previous page. */
export async function listUnitAdminChanges(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  limit: number,
  after?: { at: number; id: string },
): Promise<UnitAdminChangeRow[]> {
  let query = db.selectFrom('unit_admin_change').selectAll().where('unit_hsa_id', '=', unitHsaId);
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('at', '<', after.at), eb.and([eb('at', '=', after.at), eb('id', '<', after.id)])]),
    );
  }
  return query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
