import type { CitizenActor } from '@kontakta/domain';
import type { UseCaseContext } from '../services.ts';
import { transitionErrand } from './transition-errand.ts';

/** Step 10: the citizen moves an errand to their archive, or back. */
export async function archiveErrand(
  ctx: UseCaseContext<CitizenActor>,
  errandId: string,
  archived: boolean,
): Promise<void> {
  await transitionErrand(ctx, errandId, { type: archived ? 'archive' : 'unarchive' });
}
