import { careUnitSearchText } from '@kontakta/domain';
import type { HsaCatalogue } from '../../registers/index.ts';
import type { Database } from '../../storage/database.ts';
import { upsertCareUnits, upsertRegions } from '../../storage/repositories/organisation.repository.ts';

/**
 * Mirrors the HSA catalogue's regions and care units into our tables (errands, contact cards and
 * statistics refer to them), in one transaction. Units that left the catalogue stay: old errands
 * still point at them.
 */
export async function syncOrganisation(
  database: Database,
  catalogue: HsaCatalogue,
  now: number,
): Promise<{ regions: number; units: number }> {
  const regions = await catalogue.listRegions();
  const units = await catalogue.listCareUnits();
  await database.db.transaction().execute(async (trx) => {
    await upsertRegions(
      trx,
      regions.map((r) => ({ code: r.code, name: r.name, updated_at: now })),
    );
    await upsertCareUnits(
      trx,
      units.map((u) => ({
        hsa_id: u.hsaId,
        name: u.name,
        region_code: u.regionCode,
        kind: u.kind,
        municipality_code: u.municipality.code,
        municipality_name: u.municipality.name,
        street: u.address.street,
        postal_code: u.address.postalCode,
        city: u.address.city,
        search_text: careUnitSearchText({
          name: u.name,
          municipalityName: u.municipality.name,
          city: u.address.city,
          postalCode: u.address.postalCode,
        }),
        updated_at: now,
      })),
    );
  });
  return { regions: regions.length, units: units.length };
}
