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
