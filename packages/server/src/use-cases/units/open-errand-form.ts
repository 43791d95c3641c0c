import type { CitizenActor } from '@kontakta/domain';
import { findFormVersion, findUnitErrandType } from '../../storage/repositories/errand-type.repository.ts';
import { AppError } from '../app-error.ts';
import { effectiveUnitTypeFlags, regionAllowsType } from '../regions/region-frame.ts';
import type { UseCaseContext } from '../services.ts';
import { assertOpenDuring, closureAt } from './unit-closure-facts.ts';

/**
 * The form a citizen fills in for one errand type at one unit, with the version id they must send
 * back: answers are checked against the version that was active when the form was opened.
 */
export async function openErrandForm(ctx: UseCaseContext<CitizenActor>, unitHsaId: string, errandType: string) {
  const { db } = ctx.database;
  const offered = await findUnitErrandType(db, unitHsaId, errandType);
  if (offered?.enabled !== 1 || offered.retired_at !== null || !offered.current_version_id) {
    throw new AppError('not-found');
  }
  // A type the unit's region no longer allows is not offered, whatever the unit has set.
  if (!(await regionAllowsType(db, unitHsaId, errandType))) throw new AppError('not-found');
  if (ctx.actor.actingForCitizenId && !(await effectiveUnitTypeFlags(db, offered)).openToProxies)
    throw new AppError('forbidden', 'closed-to-proxies');
  // During a scheduled closure only the types the unit keeps open can be started.
  assertOpenDuring((await closureAt(db, unitHsaId, ctx.now)).closure, errandType);
  const version = await findFormVersion(db, offered.current_version_id);
  if (!version) throw new AppError('not-found');
  return { formVersionId: version.id, version: version.version, definition: JSON.parse(version.definition) as unknown };
}
