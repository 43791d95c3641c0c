import type { StaffActor } from '@kontakta/domain';
import type { UseCaseContext } from '../services.ts';
import { transitionErrand } from './transition-errand.ts';

/** Staff close an errand; it moves to the citizen's archive. */
export async function closeErrand(ctx: UseCaseContext<StaffActor>, errandId: string): Promise<void> {
  const role = ctx.actor.roles.includes('receiver') ? 'receiver' : 'caregiver';
  await transitionErrand(
    ctx,
    errandId,
    { type: 'close' },
    { role, accessAction: 'close', extra: () => ({ waiting_since: null }) },
  );
}
