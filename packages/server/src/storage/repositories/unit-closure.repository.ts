import type { Kysely, Selectable } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';
import type { UnitClosureTable } from '../unit-contact-schema.ts';

export type UnitClosureRow = Selectable<UnitClosureTable>;

/** A unit's closures that have not ended by `fromDate` (`YYYY-MM-DD`), earliest first. */
export async function listUnitClosures(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  fromDate: string,
): Promise<UnitClosureRow[]> {
  return db
    .selectFrom('unit_closure')
    .selectAll()
    .where('unit_hsa_id', '=', unitHsaId)
    .where('ends_on', '>=', fromDate)
    .orderBy('starts_on')
    .orderBy('id')
    .limit(100)
    .execute();
}

export async function findUnitClosure(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  id: string,
): Promise<UnitClosureRow | undefined> {
  return db
    .selectFrom('unit_closure')
    .selectAll()
    .where('unit_hsa_id', '=', unitHsaId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertUnitClosure(db: Kysely<DatabaseSchema>, row: UnitClosureRow): Promise<void> {
  await db.insertInto('unit_closure').values(row).execute();
}

export async function updateUnitClosure(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  id: string,
  changes: Partial<Omit<UnitClosureRow, 'id' | 'unit_hsa_id' | 'created_at' | 'created_by'>>,
): Promise<void> {
  await db.updateTable('unit_closure').set(changes).where('unit_hsa_id', '=', unitHsaId).where('id', '=', id).execute();
}

export async function deleteUnitClosure(db: Kysely<DatabaseSchema>, unitHsaId: string, id: string): Promise<void> {
  await db.deleteFrom('unit_closure').where('unit_hsa_id', '=', unitHsaId).where('id', '=', id).execute();
}

/** The days of a unit's latest closures (newest end first), for counting reply deadlines. */
export async function listUnitClosureSpans(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
): Promise<Array<Pick<UnitClosureRow, 'starts_on' | 'ends_on'>>> {
  return db
    .selectFrom('unit_closure')
    .select(['starts_on', 'ends_on'])
    .where('unit_hsa_id', '=', unitHsaId)
    .orderBy('ends_on', 'desc')
    .limit(100)
    .execute();
}
