import type { ConnectedService } from '@kontakta/contract';
import type { StaffActor } from '@kontakta/domain';
import type { UseCaseContext } from '../services.ts';
import { presentServices, resolveScope, type ServiceScope, serviceInScope } from './service-administration.ts';

/** One service, if it is in the caller's scope (404 otherwise). */
export async function showConnectedService(
  ctx: UseCaseContext<StaffActor>,
  scope: ServiceScope,
  serviceId: string,
): Promise<ConnectedService> {
  const resolved = await resolveScope(ctx, scope);
  const row = await serviceInScope(ctx.database.db, resolved, serviceId);
  const [service] = await presentServices(ctx.database.db, [row]);
  return service as ConnectedService;
}
