import { mayListUnitInbox, type StaffActor } from '@kontakta/domain';
import { countUnitErrands } from '../../storage/repositories/errand.repository.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';

const DAY = 86_400_000;
const OPEN = ['new', 'open', 'assigned'] as const;
/** Age brackets a receiver scans: today, 1–2 days, 3–6 days, a week or more. */
const BRACKETS = [
  { label: 'under-1-day', from: 0, to: 1 },
  { label: '1-2-days', from: 1, to: 3 },
  { label: '3-6-days', from: 3, to: 7 },
  { label: '7-days-or-more', from: 7, to: undefined },
] as const;

/** How many errands wait for the unit, by how long they have waited. */
export async function unansweredOverview(ctx: UseCaseContext<StaffActor>) {
  const unitHsaId = ctx.actor.unitHsaId;
  if (!unitHsaId || !mayListUnitInbox(ctx.actor, unitHsaId)) throw new AppError('forbidden', 'receivers-only');
  const { db } = ctx.database;
  const olderThan = async (days: number) =>
    countUnitErrands(db, unitHsaId, { statuses: OPEN, waitingSinceBefore: ctx.now - days * DAY + 1 });
  const total = await countUnitErrands(db, unitHsaId, { statuses: OPEN });
  const atLeast = await Promise.all(BRACKETS.map((b) => (b.from === 0 ? Promise.resolve(total) : olderThan(b.from))));
  return {
    total,
    brackets: BRACKETS.map((b, i) => ({
      label: b.label,
      count: (atLeast[i] ?? 0) - (b.to === undefined ? 0 : (atLeast[i + 1] ?? 0)),
    })),
  };
}
