import type { CitizenActor } from '@kontakta/domain';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import { endProxiesOfChild } from './end-proxies.ts';

/** The guardian stops being proxy for the child; 404 when they are not. */
export async function removeProxy(ctx: UseCaseContext<CitizenActor>, childId: string): Promise<void> {
  if (ctx.actor.actingForCitizenId) throw new AppError('forbidden', 'acting-for-child');
  const ended = await ctx.database.db.transaction().execute((trx) =>
    endProxiesOfChild(trx, {
      childId,
      guardianIds: [ctx.actor.citizenId],
      reason: 'removed-by-guardian',
      now: ctx.now,
    }),
  );
  if (ended.length === 0) throw new AppError('not-found');
}
