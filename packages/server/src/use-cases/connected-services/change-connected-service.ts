import type { ConnectedServiceBody, SavedConnectedService } from '@kontakta/contract';
import type { Language, StaffActor } from '@kontakta/domain';
import {
  type ConnectedServiceRow,
  replaceServiceUnits,
  updateConnectedService,
} from '../../storage/repositories/connected-service.repository.ts';
import { deleteServiceConsents } from '../../storage/repositories/service-consent.repository.ts';
import type { UseCaseContext } from '../services.ts';
import {
  changeInScope,
  checkServiceBody,
  newClientId,
  newClientSecret,
  presentServices,
  recordServiceChange,
  resolveScope,
  type ServiceScope,
  serviceInScope,
} from './service-administration.ts';

/**
 * Changes a service as a whole. Switching the hand-over on creates the client (its secret answered
 * this once); changing redirect URIs or claims keeps the client and its secret; switching it off
 * deletes the client, so its secret stops working at once, and forgets citizens' consents to it.
 */
export async function changeConnectedService(
  ctx: UseCaseContext<StaffActor>,
  scope: ServiceScope,
  serviceId: string,
  body: ConnectedServiceBody,
  language: Language,
): Promise<SavedConnectedService> {
  const resolved = await resolveScope(ctx, scope);
  return changeInScope(ctx, resolved, async (trx) => {
    const before = await serviceInScope(trx, resolved, serviceId);
    const checked = await checkServiceBody(
      trx,
      body,
      { regionCode: before.region_code, onlyUnit: before.owner_unit_hsa_id },
      language,
    );
    const secret = checked.handOver && before.client_id === null ? newClientSecret() : null;
    const client = checked.handOver
      ? {
          client_id: before.client_id ?? newClientId(),
          client_secret_hash: secret?.hash ?? before.client_secret_hash,
          redirect_uris: JSON.stringify(checked.handOver.redirectUris),
          claims: JSON.stringify(checked.handOver.claims),
        }
      : { client_id: null, client_secret_hash: null, redirect_uris: null, claims: null };
    const after: ConnectedServiceRow = {
      ...before,
      name_sv: checked.name.sv,
      name_en: checked.name.en,
      description_sv: checked.description.sv,
      description_en: checked.description.en,
      url: checked.url,
      ...client,
      updated_at: ctx.now,
      updated_by: ctx.actor.hsaId,
    };
    const { id: _id, region_code: _region, owner_unit_hsa_id: _owner, created_at: _created, ...changes } = after;
    await updateConnectedService(trx, serviceId, changes);
    await replaceServiceUnits(trx, serviceId, checked.units);
    if (!checked.handOver) await deleteServiceConsents(trx, serviceId);
    await recordServiceChange(trx, ctx, resolved, after, 'service-changed');
    const [service] = await presentServices(trx, [after]);
    return { service: service as SavedConnectedService['service'], clientSecret: secret?.secret ?? null };
  });
}
