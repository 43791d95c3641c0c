import type { Kysely, Selectable, Updateable } from 'kysely';
import type { ConnectedServiceTable } from '../connected-service-schema.ts';
import type { DatabaseSchema } from '../schema.ts';

export type ConnectedServiceRow = Selectable<ConnectedServiceTable>;

/** Where a page of services starts: after this service in the order by Swedish name. */
export type ServiceCursor = { name: string; id: string };

/**
 * One page of services (`limit` rows) by Swedish name, after `after`: every service of a region
 * (the region's own and its units'), or those a unit registered itself.
 */
export async function listServicesPage(
  db: Kysely<DatabaseSchema>,
  owner: { regionCode: string } | { unitHsaId: string },
  limit: number,
  after: ServiceCursor | undefined,
): Promise<ConnectedServiceRow[]> {
  let query = db.selectFrom('connected_service').selectAll();
  query =
    'regionCode' in owner
      ? query.where('region_code', '=', owner.regionCode)
      : query.where('owner_unit_hsa_id', '=', owner.unitHsaId);
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('name_sv', '>', after.name), eb.and([eb('name_sv', '=', after.name), eb('id', '>', after.id)])]),
    );
  }
  return query.orderBy('name_sv').orderBy('id').limit(limit).execute();
}

export async function countRegionServices(db: Kysely<DatabaseSchema>, regionCode: string): Promise<number> {
  const row = await db
    .selectFrom('connected_service')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('region_code', '=', regionCode)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findConnectedService(
  db: Kysely<DatabaseSchema>,
  id: string,
): Promise<ConnectedServiceRow | undefined> {
  return db.selectFrom('connected_service').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertConnectedService(db: Kysely<DatabaseSchema>, row: ConnectedServiceRow): Promise<void> {
  await db.insertInto('connected_service').values(row).execute();
}

export async function updateConnectedService(
  db: Kysely<DatabaseSchema>,
  id: string,
  changes: Updateable<ConnectedServiceTable>,
): Promise<void> {
  await db.updateTable('connected_service').set(changes).where('id', '=', id).execute();
}

export async function deleteConnectedService(db: Kysely<DatabaseSchema>, id: string): Promise<void> {
  await db.deleteFrom('connected_service_unit').where('service_id', '=', id).execute();
  await db.deleteFrom('connected_service').where('id', '=', id).execute();
}

/** The units showing each of the services, with their names, by name. */
export async function listServiceUnits(
  db: Kysely<DatabaseSchema>,
  serviceIds: readonly string[],
): Promise<Array<{ service_id: string; hsa_id: string; name: string }>> {
  if (serviceIds.length === 0) return [];
  return db
    .selectFrom('connected_service_unit')
    .innerJoin('care_unit', 'care_unit.hsa_id', 'connected_service_unit.unit_hsa_id')
    .select(['connected_service_unit.service_id', 'care_unit.hsa_id', 'care_unit.name'])
    .where('connected_service_unit.service_id', 'in', [...serviceIds])
    .orderBy('care_unit.name')
    .orderBy('care_unit.hsa_id')
    .execute();
}

export async function replaceServiceUnits(
  db: Kysely<DatabaseSchema>,
  serviceId: string,
  unitHsaIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('connected_service_unit').where('service_id', '=', serviceId).execute();
  if (unitHsaIds.length === 0) return;
  await db
    .insertInto('connected_service_unit')
    .values(unitHsaIds.map((unit_hsa_id) => ({ service_id: serviceId, unit_hsa_id })))
    .execute();
}

/** Which of the given units are in the region. */
export async function filterUnitsOfRegion(
  db: Kysely<DatabaseSchema>,
  regionCode: string,
  hsaIds: readonly string[],
): Promise<Set<string>> {
  if (hsaIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('care_unit')
    .select('hsa_id')
    .where('region_code', '=', regionCode)
    .where('hsa_id', 'in', [...hsaIds])
    .execute();
  return new Set(rows.map((row) => row.hsa_id));
}

/** The services a unit's contact card shows, by Swedish name. */
export async function listContactCardServices(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
): Promise<
  Array<
    Pick<ConnectedServiceRow, 'id' | 'name_sv' | 'name_en' | 'description_sv' | 'description_en' | 'url' | 'client_id'>
  >
> {
  return db
    .selectFrom('connected_service_unit')
    .innerJoin('connected_service', 'connected_service.id', 'connected_service_unit.service_id')
    .select([
      'connected_service.id',
      'connected_service.name_sv',
      'connected_service.name_en',
      'connected_service.description_sv',
      'connected_service.description_en',
      'connected_service.url',
      'connected_service.client_id',
    ])
    .where('connected_service_unit.unit_hsa_id', '=', unitHsaId)
    .orderBy('connected_service.name_sv')
    .orderBy('connected_service.id')
    .execute();
}
