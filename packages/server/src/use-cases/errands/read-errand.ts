import type { CitizenErrandDetail, StaffErrandDetail } from '@kontakta/contract';
import type { CitizenActor, ErrandEvent, Language, StaffActor } from '@kontakta/domain';
import type { UseCaseContext } from '../services.ts';
import {
  actorRef,
  applyDecision,
  countErrandEvents,
  decideOrConflict,
  findVisibleErrand,
  logStaffAccess,
  stateOf,
} from './errand-record.ts';
import { presentErrand } from './present-errand.ts';

/**
 * Opens an errand with its whole thread. Staff reads are written to the access log and the
 * unit's first look is an `opened` event; a citizen opening an answer marks it read.
 */
export async function readErrand(
  ctx: UseCaseContext<CitizenActor>,
  errandId: string,
  language: Language,
): Promise<CitizenErrandDetail>;
export async function readErrand(
  ctx: UseCaseContext<StaffActor>,
  errandId: string,
  language: Language,
): Promise<StaffErrandDetail>;
export async function readErrand(
  ctx: UseCaseContext,
  errandId: string,
  language: Language,
): Promise<CitizenErrandDetail | StaffErrandDetail>;
export async function readErrand(
  ctx: UseCaseContext,
  errandId: string,
  language: Language,
): Promise<CitizenErrandDetail | StaffErrandDetail> {
  let written: { errandType: string; events: readonly ErrandEvent[] } | undefined;
  const detail = await ctx.database.db.transaction().execute(async (trx) => {
    const { row, access } = await findVisibleErrand(ctx, trx, errandId);
    let current = row;
    if (access.as === 'citizen') {
      if (stateOf(row).unreadByCitizen) {
        const decision = decideOrConflict(row, { type: 'read-by-citizen' }, actorRef(ctx.actor), ctx.now);
        await applyDecision(ctx, trx, row, decision);
        written = { errandType: row.errand_type, events: decision.events };
        current = { ...row, unread_by_citizen: 0 };
      }
      return presentErrand(ctx, trx, current, 'citizen', language);
    }
    await logStaffAccess(ctx, trx, row, { hsaId: access.hsaId, role: access.as }, 'read');
    if (row.status === 'new') {
      const decision = decideOrConflict(row, { type: 'open' }, actorRef(ctx.actor, access.as), ctx.now);
      await applyDecision(ctx, trx, row, decision);
      written = { errandType: row.errand_type, events: decision.events };
      current = { ...row, status: 'open' };
    }
    return presentErrand(ctx, trx, current, 'staff', language);
  });
  if (written) countErrandEvents(ctx, written.errandType, written.events);
  return detail;
}
