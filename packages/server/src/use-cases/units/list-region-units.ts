import type { CoverUnitList } from '@kontakta/contract';
import type { StaffActor } from '@kontakta/domain';
import { findCareUnit, listCareUnitsInRegion } from '../../storage/repositories/unit.repository.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import { assertUnitAdministrator } from './unit-administration.ts';

/** More units than any Swedish region has; the list is for a picker, not for paging. */
const MAX_REGION_UNITS = 2_000;

/**
 * The other units of the administrator's region, by name: the cover units a closure may name.
 * Names and HSA ids only, which the public unit search shows anyway.
 */
export async function listRegionUnits(ctx: UseCaseContext<StaffActor>, unitHsaId: string): Promise<CoverUnitList> {
  assertUnitAdministrator(ctx.actor, unitHsaId);
  const { db } = ctx.database;
  const unit = await findCareUnit(db, unitHsaId);
  if (!unit) throw new AppError('not-found');
  const rows = await listCareUnitsInRegion(db, unit.region_code, MAX_REGION_UNITS + 1);
  return {
    items: rows
      .filter((row) => row.hsa_id !== unitHsaId)
      .slice(0, MAX_REGION_UNITS)
      .map((row) => ({ hsaId: row.hsa_id, name: row.name })),
  };
}
