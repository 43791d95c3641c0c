import type { CitizenActor } from '@kontakta/domain';
import { findFormVersion, findUnitErrandType } from '../../storage/repositories/errand-type.repository.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';

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
  if (ctx.actor.actingForCitizenId && offered.open_to_proxies !== 1)
    throw new AppError('forbidden', 'closed-to-proxies');
  const version = await findFormVersion(db, offered.current_version_id);
  if (!version) throw new AppError('not-found');
  return { formVersionId: version.id, version: version.version, definition: JSON.parse(version.definition) as unknown };
}
