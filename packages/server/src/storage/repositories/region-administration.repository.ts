import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Dialect } from '../database.ts';
import type { RegionAdminChangeTable, RegionErrandTypePolicyTable } from '../region-schema.ts';
import type { CareUnitTable, DatabaseSchema, UnitErrandTypeTable, UnitSettingTable } from '../schema.ts';

export type RegionErrandTypePolicyRow = Selectable<RegionErrandTypePolicyTable>;
export type RegionAdminChangeRow = Selectable<RegionAdminChangeTable>;

export async function findRegionName(db: Kysely<DatabaseSchema>, code: string): Promise<string | undefined> {
  const row = await db.selectFrom('region').select('name').where('code', '=', code).executeTakeFirst();
  return row?.name;
}

/**
 * Serialises a region's changes to its base offering (one administrator at a time, so the change
 * record follows the order of the changes). Row lock on PostgreSQL; SQLite has one writer.
 * Returns false when the region does not exist.
 */
export async function lockRegionForChange(
  db: Kysely<DatabaseSchema>,
  dialect: Dialect,
  code: string,
): Promise<boolean> {
  const query = db.selectFrom('region').select('code').where('code', '=', code);
  const row = await (dialect === 'postgres' ? query.forNoKeyUpdate() : query).executeTakeFirst();
  return row !== undefined;
}

export async function listRegionPolicies(
  db: Kysely<DatabaseSchema>,
  regionCode: string,
): Promise<RegionErrandTypePolicyRow[]> {
  return db.selectFrom('region_errand_type_policy').selectAll().where('region_code', '=', regionCode).execute();
}

export async function upsertRegionPolicy(db: Kysely<DatabaseSchema>, row: RegionErrandTypePolicyRow): Promise<void> {
  const { region_code: _region, errand_type: _type, ...changes } = row;
  await db
    .insertInto('region_errand_type_policy')
    .values(row)
    .onConflict((oc) => oc.columns(['region_code', 'errand_type']).doUpdateSet(changes))
    .execute();
}

/** The region's frame for the unit's types (by the unit's region): only types the region has set. */
export async function listRegionPoliciesOfUnit(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
): Promise<RegionErrandTypePolicyRow[]> {
  return db
    .selectFrom('region_errand_type_policy')
    .innerJoin('care_unit', 'care_unit.region_code', 'region_errand_type_policy.region_code')
    .selectAll('region_errand_type_policy')
    .where('care_unit.hsa_id', '=', unitHsaId)
    .execute();
}

export async function findRegionPolicyOfUnit(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  errandType: string,
): Promise<RegionErrandTypePolicyRow | undefined> {
  return db
    .selectFrom('region_errand_type_policy')
    .innerJoin('care_unit', 'care_unit.region_code', 'region_errand_type_policy.region_code')
    .selectAll('region_errand_type_policy')
    .where('care_unit.hsa_id', '=', unitHsaId)
    .where('region_errand_type_policy.errand_type', '=', errandType)
    .executeTakeFirst();
}

export async function insertRegionAdminChange(
  db: Kysely<DatabaseSchema>,
  row: Insertable<RegionAdminChangeTable>,
): Promise<void> {
  await db.insertInto('region_admin_change').values(row).execute();
}

/** Newest first; `after` is the last row of the previous page. */
export async function listRegionAdminChanges(
  db: Kysely<DatabaseSchema>,
  regionCode: string,
  limit: number,
  after?: { at: number; id: string },
): Promise<RegionAdminChangeRow[]> {
  let query = db.selectFrom('region_admin_change').selectAll().where('region_code', '=', regionCode);
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('at', '<', after.at), eb.and([eb('at', '=', after.at), eb('id', '<', after.id)])]),
    );
  }
  return query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export type RegionUnitRow = Pick<Selectable<CareUnitTable>, 'hsa_id' | 'name' | 'kind' | 'municipality_name'> & {
  notification_email: Selectable<UnitSettingTable>['notification_email'] | null;
  staff_names: Selectable<UnitSettingTable>['staff_names'] | null;
  mailbox_notifications: Selectable<UnitSettingTable>['mailbox_notifications'] | null;
};

/** The region's units by name, with their settings (a unit never set up has none). */
export async function listRegionUnits(db: Kysely<DatabaseSchema>, regionCode: string): Promise<RegionUnitRow[]> {
  return db
    .selectFrom('care_unit')
    .leftJoin('unit_setting', 'unit_setting.unit_hsa_id', 'care_unit.hsa_id')
    .select([
      'care_unit.hsa_id',
      'care_unit.name',
      'care_unit.kind',
      'care_unit.municipality_name',
      'unit_setting.notification_email',
      'unit_setting.staff_names',
      'unit_setting.mailbox_notifications',
    ])
    .where('care_unit.region_code', '=', regionCode)
    .orderBy('care_unit.name')
    .orderBy('care_unit.hsa_id')
    .execute();
}

export type RegionUnitErrandTypeRow = Pick<
  Selectable<UnitErrandTypeTable>,
  'unit_hsa_id' | 'errand_type' | 'enabled' | 'retired_at' | 'current_version_id' | 'name_sv' | 'name_en'
>;

/** Every errand type of every unit of the region, in one query. */
export async function listRegionUnitErrandTypes(
  db: Kysely<DatabaseSchema>,
  regionCode: string,
): Promise<RegionUnitErrandTypeRow[]> {
  return db
    .selectFrom('unit_errand_type')
    .innerJoin('care_unit', 'care_unit.hsa_id', 'unit_errand_type.unit_hsa_id')
    .select([
      'unit_errand_type.unit_hsa_id',
      'unit_errand_type.errand_type',
      'unit_errand_type.enabled',
      'unit_errand_type.retired_at',
      'unit_errand_type.current_version_id',
      'unit_errand_type.name_sv',
      'unit_errand_type.name_en',
    ])
    .where('care_unit.region_code', '=', regionCode)
    .execute();
}

/** When each of the region's units was last changed by its administrators. */
export async function lastUnitChangesOfRegion(
  db: Kysely<DatabaseSchema>,
  regionCode: string,
): Promise<Array<{ unit_hsa_id: string; last_at: number }>> {
  const rows = await db
    .selectFrom('unit_admin_change')
    .innerJoin('care_unit', 'care_unit.hsa_id', 'unit_admin_change.unit_hsa_id')
    .select((eb) => ['unit_admin_change.unit_hsa_id', eb.fn.max('unit_admin_change.at').as('last_at')])
    .where('care_unit.region_code', '=', regionCode)
    .groupBy('unit_admin_change.unit_hsa_id')
    .execute();
  return rows.map((row) => ({ unit_hsa_id: row.unit_hsa_id, last_at: Number(row.last_at) }));
}
