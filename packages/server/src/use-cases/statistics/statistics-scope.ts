import type { Actor } from '@kontakta/domain';
import type { Kysely } from 'kysely';
import {
  findUnitRegion,
  isUnitInRegion,
  listRegionNames,
  type StatScope,
} from '../../storage/repositories/statistics.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { AppError } from '../app-error.ts';

/**
 * Who sees which statistics (issue 16 pt 3): a unit administrator their unit (chosen at login), a
 * regional administrator their region or one of its units, an installation administrator (a
 * session at no unit and no region, holding the installation role) the whole installation, any
 * region or any unit. A unit or region outside that is 404, like anything one may not see; other
 * staff get 403 (the page exists, they may not use it); citizens never reach the staff side (404).
 */
export async function statisticsScopeFor(
  db: Kysely<DatabaseSchema>,
  actor: Actor,
  choice: { unit?: string | undefined; region?: string | undefined },
): Promise<StatScope> {
  const { unit, region } = choice;
  if (actor.kind !== 'staff') throw new AppError('not-found');
  if (!actor.unitHsaId && !actor.regionCode && actor.roles.includes('installation-administrator')) {
    if (region !== undefined && !(await listRegionNames(db)).has(region)) throw new AppError('not-found');
    if (unit !== undefined) {
      const within = region ?? (await findUnitRegion(db, unit));
      if (within === undefined || !(await isUnitInRegion(db, unit, within))) throw new AppError('not-found');
      return { kind: 'unit', unitHsaId: unit };
    }
    return region === undefined ? { kind: 'all' } : { kind: 'region', regionCode: region };
  }
  if (actor.regionCode && actor.roles.includes('region-administrator')) {
    // Their own region may be named; another is as unknown as a unit elsewhere.
    if (region !== undefined && region !== actor.regionCode) throw new AppError('not-found');
    if (unit === undefined) return { kind: 'region', regionCode: actor.regionCode };
    if (!(await isUnitInRegion(db, unit, actor.regionCode))) throw new AppError('not-found');
    return { kind: 'unit', unitHsaId: unit };
  }
  if (actor.unitHsaId && actor.roles.includes('unit-administrator')) {
    if (unit !== undefined && unit !== actor.unitHsaId) throw new AppError('not-found');
    if (region !== undefined) throw new AppError('not-found');
    return { kind: 'unit', unitHsaId: actor.unitHsaId };
  }
  throw new AppError('forbidden', 'administrators-only');
}
