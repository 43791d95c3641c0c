import type { StaffActor } from '@kontakta/domain';
import type { UseCaseContext } from '../services.ts';
import { transitionErrand } from './transition-errand.ts';

/**
 * A receiver reopens a closed errand: it goes back to the unit's inbox, unassigned, and waits from
 * now (the state machine says why not to the status it had before closing).
 */
export async function reopenErrand(ctx: UseCaseContext<StaffActor>, errandId: string): Promise<void> {
  await transitionErrand(
    ctx,
    errandId,
    { type: 'reopen' },
    { role: 'receiver', accessAction: 'reopen', extra: () => ({ waiting_since: ctx.now }) },
  );
}
