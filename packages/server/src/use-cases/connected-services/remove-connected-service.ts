import type { StaffActor } from '@kontakta/domain';
import { deleteConnectedService } from '../../storage/repositories/connected-service.repository.ts';
import { deleteServiceConsents } from '../../storage/repositories/service-consent.repository.ts';
import type { UseCaseContext } from '../services.ts';
import {
  changeInScope,
  recordServiceChange,
  resolveScope,
  type ServiceScope,
  serviceInScope,
} from './service-administration.ts';

/**
 * Removes a service from every contact card; its client, if any, stops working at once, and
 * citizens' consents to it are forgotten (the record of hand-overs stays).
 */
export async function removeConnectedService(
  ctx: UseCaseContext<StaffActor>,
  scope: ServiceScope,
  serviceId: string,
): Promise<void> {
  const resolved = await resolveScope(ctx, scope);
  await changeInScope(ctx, resolved, async (trx) => {
    const row = await serviceInScope(trx, resolved, serviceId);
    await deleteConnectedService(trx, serviceId);
    await deleteServiceConsents(trx, serviceId);
    await recordServiceChange(trx, ctx, resolved, row, 'service-removed');
  });
}
