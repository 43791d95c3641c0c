import type { HandOverView } from '@kontakta/contract';
import type { CitizenActor } from '@kontakta/domain';
import { findServiceConsent } from '../../storage/repositories/service-consent.repository.ts';
import type { UseCaseContext } from '../services.ts';
import { consentCovers, type HandOverInteractions, pendingHandOver } from './hand-over.ts';

/**
 * A service asks for the citizen's login: which service, which claims, and whether the citizen
 * consented to them before (then the web app hands over at once; the first time, or when the
 * service has since been approved for more, it asks). Reads only: the answer is a POST.
 */
export async function openHandOver(
  ctx: UseCaseContext<CitizenActor>,
  interactions: HandOverInteractions,
  uid: string,
): Promise<HandOverView> {
  const { service, claims } = await pendingHandOver(ctx, interactions, uid);
  const consent = await findServiceConsent(ctx.database.db, service.id, ctx.actor.citizenId);
  return {
    service: {
      name: { sv: service.name_sv, en: service.name_en },
      description: { sv: service.description_sv, en: service.description_en },
      url: service.url,
    },
    claims,
    remembered: consentCovers(consent, claims),
  };
}
