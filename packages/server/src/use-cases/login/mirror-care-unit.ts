import { careUnitSearchText } from '@kontakta/domain';
import type { Registers } from '../../registers/index.ts';
import type { Database } from '../../storage/database.ts';
import { upsertCareUnits, upsertRegions } from '../../storage/repositories/organisation.repository.ts';

/**
 * Makes sure the unit a staff member works at is in our tables (sessions refer to it), even when
 * the catalogue gained it after the last organisation sync. Returns false for an unknown unit.
 */
export async function mirrorCareUnit(
  database: Database,
  registers: Registers,
  unitHsaId: string,
  now: number,
): Promise<boolean> {
  const unit = await registers.findCareUnit(unitHsaId);
  const region = unit ? await registers.findRegion(unit.regionCode) : undefined;
  if (!unit || !region) return false;
  await upsertRegions(database.db, [{ code: region.code, name: region.name, updated_at: now }]);
  await upsertCareUnits(database.db, [
    {
      hsa_id: unit.hsaId,
      name: unit.name,
      region_code: unit.regionCode,
      kind: unit.kind,
      municipality_code: unit.municipality.code,
      municipality_name: unit.municipality.name,
      street: unit.address.street,
      postal_code: unit.address.postalCode,
      city: unit.address.city,
      search_text: careUnitSearchText({
        name: unit.name,
        municipalityName: unit.municipality.name,
        city: unit.address.city,
        postalCode: unit.address.postalCode,
      }),
      updated_at: now,
    },
  ]);
  return true;
}
