import type { CitizenActor } from '@kontakta/domain';
import type { UseCaseContext } from '../services.ts';
import { completeHandOver, type HandOverInteractions, pendingHandOver } from './hand-over.ts';

/** The citizen's answer on the consent page: hand the login over (and remember it), or refuse. */
export async function answerHandOver(
  ctx: UseCaseContext<CitizenActor>,
  interactions: HandOverInteractions,
  uid: string,
  accept: boolean,
): Promise<{ redirectTo: string }> {
  const { service, claims } = await pendingHandOver(ctx, interactions, uid);
  if (!accept) return { redirectTo: await interactions.finish(uid, { denied: true }) };
  return { redirectTo: await completeHandOver(ctx, interactions, uid, service, claims) };
}
