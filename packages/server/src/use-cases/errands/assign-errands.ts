import { mayListUnitInbox, type StaffActor } from '@kontakta/domain';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import { assignErrand } from './assign-errand.ts';
import { notifyAssignee } from './notify-assignee.ts';

export type BulkAssignOutcome = { id: string; outcome: 'assigned' | 'refused'; reason?: string };

/**
 * A receiver routes several errands to one caregiver. Each errand is its own change (its own
 * transaction, event and access-log entry), so one that changed meanwhile is refused with its
 * reason while the rest go through; one the receiver may not see is `not-found`, as alone.
 */
export async function assignErrands(
  ctx: UseCaseContext<StaffActor>,
  errandIds: readonly string[],
  caregiverHsaId: string,
): Promise<{ items: BulkAssignOutcome[] }> {
  const unitHsaId = ctx.actor.unitHsaId;
  if (!unitHsaId || !mayListUnitInbox(ctx.actor, unitHsaId)) throw new AppError('forbidden', 'receivers-only');
  const items: BulkAssignOutcome[] = [];
  for (const id of errandIds) {
    try {
      await assignErrand(ctx, id, caregiverHsaId, { notify: false });
      items.push({ id, outcome: 'assigned' });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // A caregiver who is none here is wrong for every errand: say so once, as for one errand.
      if (error.code === 'validation-failed') throw error;
      items.push({ id, outcome: 'refused', reason: error.code === 'conflict' ? error.message : error.code });
    }
  }
  // One "errands are yours" e-mail for the lot, not one per errand.
  const last = items.findLast((item) => item.outcome === 'assigned');
  if (last) await notifyAssignee(ctx.database.db, ctx.actor.hsaId, caregiverHsaId, last.id, ctx.now);
  return { items };
}
