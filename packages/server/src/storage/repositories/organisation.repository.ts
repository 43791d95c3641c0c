import type { Insertable, Kysely } from 'kysely';
import type { CareUnitTable, DatabaseSchema, RegionTable } from '../schema.ts';

export async function upsertRegions(db: Kysely<DatabaseSchema>, regions: Insertable<RegionTable>[]): Promise<void> {
  if (regions.length === 0) return;
  await db
    .insertInto('region')
    .values(regions)
    .onConflict((oc) =>
      oc
        .column('code')
        .doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), updated_at: eb.ref('excluded.updated_at') })),
    )
    .execute();
}

export async function upsertCareUnits(db: Kysely<DatabaseSchema>, units: Insertable<CareUnitTable>[]): Promise<void> {
  // Batches keep each statement well under the databases' parameter limits.
  for (let i = 0; i < units.length; i += 200) {
    await db
      .insertInto('care_unit')
      .values(units.slice(i, i + 200))
      .onConflict((oc) =>
        oc.column('hsa_id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          region_code: eb.ref('excluded.region_code'),
          kind: eb.ref('excluded.kind'),
          municipality_code: eb.ref('excluded.municipality_code'),
          municipality_name: eb.ref('excluded.municipality_name'),
          street: eb.ref('excluded.street'),
          postal_code: eb.ref('excluded.postal_code'),
          city: eb.ref('excluded.city'),
          search_text: eb.ref('excluded.search_text'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

export async function countCareUnits(db: Kysely<DatabaseSchema>): Promise<number> {
  const row = await db
    .selectFrom('care_unit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
