import type { CitizenErrandDetail, StaffErrandDetail } from '@kontakta/contract';
import type { CitizenActor, ErrandEvent, Language, StaffActor } from '@kontakta/domain';
import type { ErrandRow } from '../../storage/repositories/errand.repository.ts';
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

type Opened = {
  current: ErrandRow;
  viewer: 'citizen' | 'staff';
  written?: { errandType: string; events: readonly ErrandEvent[] };
};

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
  // The transaction writes what the opening must leave behind (the access-log entry, the unit's
  // first look, the citizen's read mark) and nothing else, so that it holds its connection and the
  // unit's access-log chain for a few statements; the thread is read after it commits (issue 20:
  // on PostgreSQL, transactions that also read the whole thread held the pool while they waited
  // for this process between statements). The entry is committed before any content is read;
  // openings arriving together share that COMMIT on SQLite (each in a savepoint of its own).
  const opened: Opened = await ctx.database.sharedCommit(async (trx): Promise<Opened> => {
    const { row, access } = await findVisibleErrand(ctx, trx, errandId);
    if (access.as === 'citizen') {
      if (!stateOf(row).unreadByCitizen) return { current: row, viewer: 'citizen' };
      const decision = decideOrConflict(row, { type: 'read-by-citizen' }, actorRef(ctx.actor), ctx.now);
      await applyDecision(ctx, trx, row, decision);
      return {
        current: { ...row, unread_by_citizen: 0 },
        viewer: 'citizen',
        written: { errandType: row.errand_type, events: decision.events },
      };
    }
    await logStaffAccess(ctx, trx, row, { hsaId: access.hsaId, role: access.as }, 'read');
    if (row.status !== 'new') return { current: row, viewer: 'staff' };
    const decision = decideOrConflict(row, { type: 'open' }, actorRef(ctx.actor, access.as), ctx.now);
    await applyDecision(ctx, trx, row, decision);
    return {
      current: { ...row, status: 'open' },
      viewer: 'staff',
      written: { errandType: row.errand_type, events: decision.events },
    };
  });
  const { current, viewer, written } = opened;
  if (written) countErrandEvents(ctx, written.errandType, written.events);
  return viewer === 'citizen'
    ? presentErrand(ctx, ctx.database.db, current, 'citizen', language)
    : presentErrand(ctx, ctx.database.db, current, 'staff', language);
}
