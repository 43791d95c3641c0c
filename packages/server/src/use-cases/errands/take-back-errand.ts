import type { StaffActor } from '@kontakta/domain';
import type { UseCaseContext } from '../services.ts';
import { transitionErrand } from './transition-errand.ts';

/** A receiver takes an errand back from its caregiver; it returns to the unit's inbox. */
export async function takeBackErrand(ctx: UseCaseContext<StaffActor>, errandId: string): Promise<void> {
  await transitionErrand(ctx, errandId, { type: 'take-back' }, { role: 'receiver', accessAction: 'take-back' });
}
