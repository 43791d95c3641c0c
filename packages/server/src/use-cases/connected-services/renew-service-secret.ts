import type { ServiceClientSecret } from '@kontakta/contract';
import type { StaffActor } from '@kontakta/domain';
import { updateConnectedService } from '../../storage/repositories/connected-service.repository.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import {
  changeInScope,
  newClientSecret,
  recordServiceChange,
  resolveScope,
  type ServiceScope,
  serviceInScope,
} from './service-administration.ts';

/**
 * A new client secret for a service with a hand-over (a lost or leaked one): answered this once,
 * only its hash kept; the old secret stops working at once. A plain link has none (409).
 */
export async function renewServiceSecret(
  ctx: UseCaseContext<StaffActor>,
  scope: ServiceScope,
  serviceId: string,
): Promise<ServiceClientSecret> {
  const resolved = await resolveScope(ctx, scope);
  return changeInScope(ctx, resolved, async (trx) => {
    const row = await serviceInScope(trx, resolved, serviceId);
    if (row.client_id === null) throw new AppError('conflict', 'service-has-no-hand-over');
    const secret = newClientSecret();
    await updateConnectedService(trx, serviceId, {
      client_secret_hash: secret.hash,
      updated_at: ctx.now,
      updated_by: ctx.actor.hsaId,
    });
    await recordServiceChange(trx, ctx, resolved, row, 'service-secret-renewed');
    return { clientId: row.client_id, clientSecret: secret.secret };
  });
}
