import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DatabaseSchema, FormVersionTable, UnitErrandTypeTable } from '../schema.ts';

export type FormVersionRow = Selectable<FormVersionTable>;
export type UnitErrandTypeRow = Selectable<UnitErrandTypeTable>;

export async function findFormVersion(db: Kysely<DatabaseSchema>, id: string): Promise<FormVersionRow | undefined> {
  return db.selectFrom('form_version').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function latestFormVersionNumber(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  errandType: string,
): Promise<number> {
  const row = await db
    .selectFrom('form_version')
    .select((eb) => eb.fn.max('version').as('latest'))
    .where('unit_hsa_id', '=', unitHsaId)
    .where('errand_type', '=', errandType)
    .executeTakeFirst();
  return Number(row?.latest ?? 0);
}

export async function insertFormVersion(db: Kysely<DatabaseSchema>, row: Insertable<FormVersionTable>): Promise<void> {
  await db.insertInto('form_version').values(row).execute();
}

export async function findUnitErrandType(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  errandType: string,
): Promise<UnitErrandTypeRow | undefined> {
  return db
    .selectFrom('unit_errand_type')
    .selectAll()
    .where('unit_hsa_id', '=', unitHsaId)
    .where('errand_type', '=', errandType)
    .executeTakeFirst();
}

export async function listUnitErrandTypes(db: Kysely<DatabaseSchema>, unitHsaId: string): Promise<UnitErrandTypeRow[]> {
  return db.selectFrom('unit_errand_type').selectAll().where('unit_hsa_id', '=', unitHsaId).execute();
}

export async function upsertUnitErrandType(db: Kysely<DatabaseSchema>, row: UnitErrandTypeRow): Promise<void> {
  const { unit_hsa_id: _unit, errand_type: _type, ...changes } = row;
  await db
    .insertInto('unit_errand_type')
    .values(row)
    .onConflict((oc) => oc.columns(['unit_hsa_id', 'errand_type']).doUpdateSet(changes))
    .execute();
}

export async function findFormVersionByNumber(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  errandType: string,
  version: number,
): Promise<FormVersionRow | undefined> {
  return db
    .selectFrom('form_version')
    .selectAll()
    .where('unit_hsa_id', '=', unitHsaId)
    .where('errand_type', '=', errandType)
    .where('version', '=', version)
    .executeTakeFirst();
}

export type FormVersionSummaryRow = Pick<FormVersionRow, 'id' | 'version' | 'created_at' | 'created_by'>;

/** Every version of a unit's form for one type, newest first, without the definitions. */
export async function listFormVersions(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  errandType: string,
): Promise<FormVersionSummaryRow[]> {
  return db
    .selectFrom('form_version')
    .select(['id', 'version', 'created_at', 'created_by'])
    .where('unit_hsa_id', '=', unitHsaId)
    .where('errand_type', '=', errandType)
    .orderBy('version', 'desc')
    .execute();
}

/** The version numbers behind current_version_id, for a unit's list of types. */
export async function findFormVersionNumbers(
  db: Kysely<DatabaseSchema>,
  ids: readonly string[],
): Promise<Array<{ id: string; version: number }>> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('form_version')
    .select(['id', 'version'])
    .where('id', 'in', [...ids])
    .execute();
}

/** What a unit's contact card shows: types turned on, not retired, with a form to open. */
export async function listOfferedErrandTypes(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
): Promise<UnitErrandTypeRow[]> {
  return db
    .selectFrom('unit_errand_type')
    .selectAll()
    .where('unit_hsa_id', '=', unitHsaId)
    .where('enabled', '=', 1)
    .where('retired_at', 'is', null)
    .where('current_version_id', 'is not', null)
    .execute();
}
