import type { AdminErrandType } from '@kontakta/contract';
import { baseErrandTypes, type StaffActor } from '@kontakta/domain';
import { findFormVersionNumbers, listUnitErrandTypes } from '../../storage/repositories/errand-type.repository.ts';
import { findCareUnit } from '../../storage/repositories/unit.repository.ts';
import { AppError } from '../app-error.ts';
import { regionFrameOfUnit } from '../regions/region-frame.ts';
import type { UseCaseContext } from '../services.ts';
import { assertUnitAdministrator } from '../units/unit-administration.ts';
import { presentUnconfiguredBaseType, presentUnitErrandType } from './present-unit-errand-type.ts';

/**
 * The unit's errand types for its administrator: the national base offering in its national order
 * (set up or not, each marked with whether the unit's region allows it), then the unit's custom
 * types by Swedish name, retired ones included.
 */
export async function listUnitErrandTypesForAdministration(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
): Promise<{ items: AdminErrandType[] }> {
  assertUnitAdministrator(ctx.actor, unitHsaId);
  const { db } = ctx.database;
  if (!(await findCareUnit(db, unitHsaId))) throw new AppError('not-found');
  const rows = await listUnitErrandTypes(db, unitHsaId);
  const versionIds = rows.flatMap((row) => (row.current_version_id ? [row.current_version_id] : []));
  const numbers = new Map((await findFormVersionNumbers(db, versionIds)).map((v) => [v.id, v.version]));
  const numberOf = (id: string | null) => (id ? (numbers.get(id) ?? null) : null);
  const byType = new Map(rows.map((row) => [row.errand_type, row]));
  const frame = await regionFrameOfUnit(db, unitHsaId);

  const base = baseErrandTypes.map((type) => {
    const row = byType.get(type.id);
    return row
      ? presentUnitErrandType(row, numberOf(row.current_version_id), frame(type.id))
      : presentUnconfiguredBaseType(type, frame(type.id));
  });
  const custom = rows
    .filter((row) => !baseErrandTypes.some((type) => type.id === row.errand_type))
    .map((row) => presentUnitErrandType(row, numberOf(row.current_version_id)))
    .sort((a, b) => a.name.sv.localeCompare(b.name.sv, 'sv') || a.id.localeCompare(b.id));
  return { items: [...base, ...custom] };
}
