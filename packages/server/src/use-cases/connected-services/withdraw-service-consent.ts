import { randomUUID } from 'node:crypto';
import type { CitizenActor } from '@kontakta/domain';
import { deleteOidcPayloadsOfAccount } from '../../storage/repositories/oidc-payload.repository.ts';
import {
  deleteServiceConsent,
  findServiceConsent,
  insertConsentEvent,
} from '../../storage/repositories/service-consent.repository.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';

/**
 * The citizen withdraws their consent to a service: the consent goes, so the next hand-over asks
 * again, and so do the provider's grant and any code or token issued under it, so the service's
 * access ends now rather than when they expire. The withdrawal is recorded in the same
 * transaction. A consent that is not the citizen's own does not exist for them (404).
 */
export async function withdrawServiceConsent(ctx: UseCaseContext<CitizenActor>, serviceId: string): Promise<void> {
  if (ctx.actor.kind !== 'citizen') throw new AppError('not-found');
  const citizenId = ctx.actor.citizenId;
  await ctx.database.db.transaction().execute(async (trx) => {
    const consent = await findServiceConsent(trx, serviceId, citizenId);
    if (!consent) throw new AppError('not-found');
    await deleteServiceConsent(trx, serviceId, citizenId);
    await deleteOidcPayloadsOfAccount(trx, consent.subject);
    await insertConsentEvent(trx, {
      id: randomUUID(),
      at: ctx.now,
      service_id: serviceId,
      citizen_id: citizenId,
      kind: 'withdrawn',
      claims: consent.claims,
    });
  });
}
