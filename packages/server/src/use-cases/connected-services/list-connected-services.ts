import type { ConnectedServiceList } from '@kontakta/contract';
import type { StaffActor } from '@kontakta/domain';
import { listRegionServices, listUnitOwnServices } from '../../storage/repositories/connected-service.repository.ts';
import type { UseCaseContext } from '../services.ts';
import { presentServices, resolveScope, type ServiceScope } from './service-administration.ts';

/** The services of the caller's region (every one, units' own included), or of their unit (its own). */
export async function listConnectedServices(
  ctx: UseCaseContext<StaffActor>,
  scope: ServiceScope,
): Promise<ConnectedServiceList> {
  const resolved = await resolveScope(ctx, scope);
  const { db } = ctx.database;
  const rows =
    resolved.unitHsaId === null
      ? await listRegionServices(db, resolved.regionCode)
      : await listUnitOwnServices(db, resolved.unitHsaId);
  return { items: await presentServices(db, rows) };
}
