import { randomUUID } from 'node:crypto';
import { type ConnectedServiceBody, MAX_SERVICES, type SavedConnectedService } from '@kontakta/contract';
import type { Language, StaffActor } from '@kontakta/domain';
import {
  type ConnectedServiceRow,
  countRegionServices,
  insertConnectedService,
  replaceServiceUnits,
} from '../../storage/repositories/connected-service.repository.ts';
import { AppError } from '../app-error.ts';
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
} from './service-administration.ts';

/**
 * Registers a service for the region's units (regional administrator) or for the unit's own
 * contact card (unit administrator). With a hand-over it becomes an OpenID Connect client: its
 * client id and secret are generated, the secret is answered this once and only its hash is kept.
 */
export async function registerConnectedService(
  ctx: UseCaseContext<StaffActor>,
  scope: ServiceScope,
  body: ConnectedServiceBody,
  language: Language,
): Promise<SavedConnectedService> {
  const resolved = await resolveScope(ctx, scope);
  return changeInScope(ctx, resolved, async (trx) => {
    const checked = await checkServiceBody(
      trx,
      body,
      { regionCode: resolved.regionCode, onlyUnit: resolved.unitHsaId },
      language,
    );
    if ((await countRegionServices(trx, resolved.regionCode)) >= MAX_SERVICES) {
      throw new AppError('conflict', 'service-limit-reached');
    }
    const secret = checked.handOver ? newClientSecret() : null;
    const row: ConnectedServiceRow = {
      id: randomUUID(),
      region_code: resolved.regionCode,
      owner_unit_hsa_id: resolved.unitHsaId,
      name_sv: checked.name.sv,
      name_en: checked.name.en,
      description_sv: checked.description.sv,
      description_en: checked.description.en,
      url: checked.url,
      client_id: checked.handOver ? newClientId() : null,
      client_secret_hash: secret?.hash ?? null,
      redirect_uris: checked.handOver ? JSON.stringify(checked.handOver.redirectUris) : null,
      claims: checked.handOver ? JSON.stringify(checked.handOver.claims) : null,
      created_at: ctx.now,
      updated_at: ctx.now,
      updated_by: ctx.actor.hsaId,
    };
    await insertConnectedService(trx, row);
    await replaceServiceUnits(trx, row.id, checked.units);
    await recordServiceChange(trx, ctx, resolved, row, 'service-registered');
    const [service] = await presentServices(trx, [row]);
    return { service: service as SavedConnectedService['service'], clientSecret: secret?.secret ?? null };
  });
}
