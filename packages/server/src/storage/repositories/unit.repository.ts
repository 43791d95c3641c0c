import type { Insertable, Kysely, Selectable } from 'kysely';
import type { CareUnitTable, DatabaseSchema, UnitSettingTable } from '../schema.ts';

export type CareUnitRow = Selectable<CareUnitTable>;
export type UnitSettingRow = Selectable<UnitSettingTable>;

export async function findCareUnit(db: Kysely<DatabaseSchema>, hsaId: string): Promise<CareUnitRow | undefined> {
  return db.selectFrom('care_unit').selectAll().where('hsa_id', '=', hsaId).executeTakeFirst();
}

export async function findCareUnits(db: Kysely<DatabaseSchema>, hsaIds: readonly string[]): Promise<CareUnitRow[]> {
  if (hsaIds.length === 0) return [];
  return db
    .selectFrom('care_unit')
    .selectAll()
    .where('hsa_id', 'in', [...hsaIds])
    .execute();
}

/** A region's units by name (index care_unit_region_name_idx); at most `limit`. */
export async function listCareUnitsInRegion(
  db: Kysely<DatabaseSchema>,
  regionCode: string,
  limit: number,
): Promise<Array<Pick<CareUnitRow, 'hsa_id' | 'name'>>> {
  return db
    .selectFrom('care_unit')
    .select(['hsa_id', 'name'])
    .where('region_code', '=', regionCode)
    .orderBy('name')
    .orderBy('hsa_id')
    .limit(limit)
    .execute();
}

export async function findUnitSetting(db: Kysely<DatabaseSchema>, hsaId: string): Promise<UnitSettingRow | undefined> {
  return db.selectFrom('unit_setting').selectAll().where('unit_hsa_id', '=', hsaId).executeTakeFirst();
}

export async function upsertUnitSetting(db: Kysely<DatabaseSchema>, row: Insertable<UnitSettingTable>): Promise<void> {
  await db
    .insertInto('unit_setting')
    .values(row)
    .onConflict((oc) =>
      oc.column('unit_hsa_id').doUpdateSet({
        notification_email: row.notification_email,
        staff_names: row.staff_names,
        mailbox_notifications: row.mailbox_notifications,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
      }),
    )
    .execute();
}

/**
 * Units whose search text (folded name, municipality, city, postcode) contains every word, by name;
 * the words come folded the same way. The cursor is the last name + id.
 */
export async function searchCareUnits(
  db: Kysely<DatabaseSchema>,
  words: readonly string[],
  limit: number,
  after?: { name: string; hsaId: string },
): Promise<CareUnitRow[]> {
  let query = db.selectFrom('care_unit').selectAll();
  for (const word of words) query = query.where('search_text', 'like', `%${withoutWildcards(word)}%`);
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('name', '>', after.name), eb.and([eb('name', '=', after.name), eb('hsa_id', '>', after.hsaId)])]),
    );
  }
  return query.orderBy('name').orderBy('hsa_id').limit(limit).execute();
}

/** Units the citizen has sent errands to. */
export async function listUnitsUsedByCitizen(db: Kysely<DatabaseSchema>, citizenId: string): Promise<CareUnitRow[]> {
  return db
    .selectFrom('care_unit')
    .selectAll()
    .where('hsa_id', 'in', (eb) =>
      eb.selectFrom('errand').select('unit_hsa_id').distinct().where('citizen_id', '=', citizenId),
    )
    .orderBy('name')
    .execute();
}

// LIKE escaping differs between SQLite and PostgreSQL; unit names need no wildcard characters.
function withoutWildcards(text: string): string {
  return text.replace(/[\\%_]/g, '');
}
