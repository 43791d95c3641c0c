import type { CitizenActor } from '@kontakta/domain';
import { AppError } from '../app-error.ts';
import { cachedReferenceReads } from '../reference-reads.ts';
import { frameOf, unitTypeFlags } from '../regions/region-frame.ts';
import type { UseCaseContext } from '../services.ts';
import { assertOpenDuring, closureAt } from './unit-closure-facts.ts';

/**
 * The form a citizen fills in for one errand type at one unit, with the version id they must send
 * back: answers are checked against the version that was active when the form was opened.
 */
export async function openErrandForm(ctx: UseCaseContext<CitizenActor>, unitHsaId: string, errandType: string) {
  const reads = cachedReferenceReads(ctx.database);
  const offered = await reads.unitErrandType(unitHsaId, errandType);
  if (offered?.enabled !== 1 || offered.retired_at !== null || !offered.current_version_id) {
    throw new AppError('not-found');
  }
  // A type the unit's region no longer allows is not offered, whatever the unit has set.
  const frame = frameOf(await reads.regionPolicyOfUnit(unitHsaId, errandType));
  if (!frame.allowed) throw new AppError('not-found');
  if (ctx.actor.actingForCitizenId && !unitTypeFlags(offered, frame).openToProxies)
    throw new AppError('forbidden', 'closed-to-proxies');
  // During a scheduled closure only the types the unit keeps open can be started.
  assertOpenDuring((await closureAt(reads, unitHsaId, ctx.now)).closure, errandType);
  const version = await reads.formVersion(offered.current_version_id);
  if (!version) throw new AppError('not-found');
  return { formVersionId: version.id, version: version.version, definition: JSON.parse(version.definition) as unknown };
}
