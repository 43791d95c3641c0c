import type { Actor } from '@kontakta/domain';
import type { Kysely } from 'kysely';
import { isUnitInRegion, type StatScope } from '../../storage/repositories/statistics.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { AppError } from '../app-error.ts';

/**
 * Who sees which statistics (issue 16 pt 3): a unit administrator their unit (chosen at login), a
 * regional administrator their region or one of its units. A unit outside that is 404, like
 * anything one may not see; other staff get 403 (the page exists, they may not use it); citizens
 * never reach the staff side (404). Kontakta has no installation-wide administrator role yet, so
 * no one gets the whole installation's figures through the API.
 */
export async function statisticsScopeFor(
  db: Kysely<DatabaseSchema>,
  actor: Actor,
  unit: string | undefined,
): Promise<StatScope> {
  if (actor.kind !== 'staff') throw new AppError('not-found');
  if (actor.regionCode && actor.roles.includes('region-administrator')) {
    if (unit === undefined) return { kind: 'region', regionCode: actor.regionCode };
    if (!(await isUnitInRegion(db, unit, actor.regionCode))) throw new AppError('not-found');
    return { kind: 'unit', unitHsaId: unit };
  }
  if (actor.unitHsaId && actor.roles.includes('unit-administrator')) {
    if (unit !== undefined && unit !== actor.unitHsaId) throw new AppError('not-found');
    return { kind: 'unit', unitHsaId: actor.unitHsaId };
  }
  throw new AppError('forbidden', 'administrators-only');
}
