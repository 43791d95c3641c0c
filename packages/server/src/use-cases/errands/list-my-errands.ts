import type { StaffActor } from '@kontakta/domain';
import { listAssignedErrands } from '../../storage/repositories/errand.repository.ts';
import { decodeCursor, pageOf } from '../pagination.ts';
import { cachedReferenceReads } from '../reference-reads.ts';
import type { UseCaseContext } from '../services.ts';
import { logStaffListView } from './errand-record.ts';
import { deletionNoticeOf, presentStaffSummaries } from './present-errand.ts';

// Waiting for the caregiver: assigned to them, which includes an answered errand the citizen has
// replied to. Answered errands leave the default view; `all` shows them too.
const SHOWN_STATUSES = { waiting: ['assigned'], all: ['assigned', 'answered'] } as const;

/**
 * A caregiver's own errands across every unit where the HSA catalogue says they are a caregiver
 * today. Opening one still happens at its unit (the staff member switches unit to act there).
 */
export async function listMyErrands(
  ctx: UseCaseContext<StaffActor>,
  options: { show?: 'waiting' | 'all' | undefined; cursor?: string | undefined; limit?: number | undefined },
) {
  const employee = await ctx.registers.findEmployee(ctx.actor.hsaId);
  const units = (employee?.commissions ?? []).filter((c) => c.roles.includes('caregiver')).map((c) => c.unitHsaId);
  const limit = options.limit ?? 25;
  const after = decodeCursor(options.cursor, { at: 'number', id: 'string' });
  const rows = await listAssignedErrands(
    ctx.database.db,
    ctx.actor.hsaId,
    units,
    SHOWN_STATUSES[options.show ?? 'waiting'],
    limit + 1,
    after,
  );
  const page = pageOf(rows, limit, (row) => ({ at: row.created_at, id: row.id }));
  await logStaffListView(ctx, page.items, 'caregiver');
  return {
    items: await presentStaffSummaries(cachedReferenceReads(ctx.database), page.items, deletionNoticeOf(ctx)),
    nextCursor: page.nextCursor,
  };
}
