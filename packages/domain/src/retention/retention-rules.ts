import type { ErrandEventType } from '../errands/errand-state.ts';
import { startOfStockholmDay, stockholmDate } from '../personnummer/stockholm-calendar.ts';
import { monthsBeforeDate } from '../proxy/proxy-rules.ts';

// Retention: an errand, with its messages, is deleted when its last event is older than the
// retention period (two years by default), open errands too. Citizens are told in advance.

export type RetentionRules = Readonly<{
  /** Months after the last event; 24 by default. */
  retentionMonths: number;
  /** Days before deletion when the citizen is told and staff see "tas bort <datum>". */
  noticeDays: number;
}>;

export const DEFAULT_RETENTION_RULES: RetentionRules = { retentionMonths: 24, noticeDays: 30 };

/**
 * Whether an event restarts the retention clock. Looking at an errand (staff opening it, the
 * citizen reading the answer) is an access, recorded in the access log, not an event in the
 * errand's life: otherwise an errand someone glances at now and then would never be deleted.
 */
export function restartsRetention(type: ErrandEventType): boolean {
  return type !== 'opened' && type !== 'read-by-citizen';
}

/**
 * When an errand whose last event was at `lastEventAt` is deleted: at the start (Stockholm time)
 * of the day after the same date `retentionMonths` later, so the whole last day is kept.
 */
export function errandExpiresAt(lastEventAt: number, rules: RetentionRules): number {
  const anniversary = monthsBeforeDate(stockholmDate(new Date(lastEventAt)), -rules.retentionMonths);
  const dayAfter = new Date(startOfStockholmDay(anniversary).getTime() + 36 * 3_600_000);
  return startOfStockholmDay(stockholmDate(dayAfter)).getTime();
}

/** The deletion epoch (`YYYY-MM`, Stockholm) of an expiry: the month whose key wraps the errand's key. */
export function deletionEpochOf(expiresAt: number): string {
  return stockholmDate(new Date(expiresAt)).slice(0, 7);
}

/** Whether every errand of `epoch` has expired by `now`: the month is over. */
export function deletionEpochIsOver(epoch: string, now: number): boolean {
  const firstOfNextMonth = monthsBeforeDate(`${epoch}-01`, -1);
  return now >= startOfStockholmDay(firstOfNextMonth).getTime();
}

/** From when the citizen is told, and staff see the deletion date. */
export function retentionNoticeFrom(expiresAt: number, rules: RetentionRules): number {
  return expiresAt - rules.noticeDays * 86_400_000;
}

/** The calendar date (ISO) shown as "tas bort <datum>": the last day the errand is kept is the day before. */
export function deletionDateOf(expiresAt: number): string {
  return stockholmDate(new Date(expiresAt));
}
