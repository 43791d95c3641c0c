import { deadlineStanding, mayListUnitInbox, type StaffActor } from '@kontakta/domain';
import {
  countUnitErrands,
  listWaitingErrandTimes,
  OPEN_STATUSES,
} from '../../storage/repositories/errand.repository.ts';
import { AppError } from '../app-error.ts';
import { cachedReferenceReads } from '../reference-reads.ts';
import type { UseCaseContext } from '../services.ts';
import { deadlinesAt } from './reply-deadlines.ts';

const DAY = 86_400_000;
/** Age brackets a receiver scans: today, 1–2 days, 3–6 days, a week or more. */
const BRACKETS = [
  { label: 'under-1-day', from: 0, to: 1 },
  { label: '1-2-days', from: 1, to: 3 },
  { label: '3-6-days', from: 3, to: 7 },
  { label: '7-days-or-more', from: 7, to: undefined },
] as const;

const STANDINGS = ['overdue', 'due-today', 'due-tomorrow', 'later'] as const;

/**
 * How many errands wait for the unit, by how long they have waited and by time left to their
 * reply deadline (errands of types without a reply time are counted apart).
 */
export async function unansweredOverview(ctx: UseCaseContext<StaffActor>) {
  const unitHsaId = ctx.actor.unitHsaId;
  if (!unitHsaId || !mayListUnitInbox(ctx.actor, unitHsaId)) throw new AppError('forbidden', 'receivers-only');
  const { db } = ctx.database;
  const olderThan = async (days: number) =>
    countUnitErrands(db, unitHsaId, { statuses: OPEN_STATUSES, waitingSinceBefore: ctx.now - days * DAY + 1 });
  const total = await countUnitErrands(db, unitHsaId, { statuses: OPEN_STATUSES });
  const atLeast = await Promise.all(BRACKETS.map((b) => (b.from === 0 ? Promise.resolve(total) : olderThan(b.from))));
  const deadlineOf = await deadlinesAt(cachedReferenceReads(ctx.database), [unitHsaId]);
  const byDeadline = { overdue: 0, 'due-today': 0, 'due-tomorrow': 0, later: 0, 'no-reply-time': 0 };
  for (const errand of await listWaitingErrandTimes(db, unitHsaId, OPEN_STATUSES)) {
    const deadline = deadlineOf(errand);
    byDeadline[deadline === null ? 'no-reply-time' : deadlineStanding(deadline, ctx.now)] += 1;
  }
  return {
    total,
    byDeadline: [...STANDINGS, 'no-reply-time' as const].map((label) => ({ label, count: byDeadline[label] })),
    brackets: BRACKETS.map((b, i) => ({
      label: b.label,
      count: (atLeast[i] ?? 0) - (b.to === undefined ? 0 : (atLeast[i + 1] ?? 0)),
    })),
  };
}
