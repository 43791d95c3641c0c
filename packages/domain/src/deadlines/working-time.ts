import { addCalendarDays, isoWeekday, stockholmDate, stockholmWallTime } from '../personnummer/stockholm-calendar.ts';
import { swedishHolidayOn } from './swedish-holidays.ts';

/**
 * Reply deadlines that know a unit's opening hours and Swedish holidays (beyond 1177, issue 18):
 * "Svar inom 3 arbetsdagar" ends when the unit closes on the third working day after the day the
 * errand arrived; "inom 4 arbetstimmar" counts only the hours the unit is open. Times are
 * Stockholm wall-clock times, so a deadline over a daylight-saving change is still at 17:00.
 */

/** An opening interval on a weekday (1 Monday … 7 Sunday), in minutes after local midnight. */
export type OpeningInterval = Readonly<{ weekday: number; opens: number; closes: number }>;

export type ReplyTarget = Readonly<{ amount: number; unit: 'working-days' | 'working-hours' }>;

/** A unit that has not said otherwise is open on weekdays 08:00–17:00. */
export const DEFAULT_OPENING_HOURS: readonly OpeningInterval[] = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  opens: 8 * 60,
  closes: 17 * 60,
}));

/** Days the unit has closed beyond holidays (its scheduled closures); none by default. */
export type ClosedOn = (isoDate: string) => boolean;

/** `HH:MM` (00:00–24:00) as minutes after midnight, or undefined when it is not a clock time. */
export function parseClockTime(text: string): number | undefined {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : undefined;
}

/** A day the unit works: it has opening hours that weekday and it is no holiday, eve or closure. */
export function isWorkingDay(
  isoDate: string,
  hours: readonly OpeningInterval[] = DEFAULT_OPENING_HOURS,
  closedOn: ClosedOn = () => false,
): boolean {
  return openIntervalsOn(isoDate, hours, closedOn).length > 0;
}

function openIntervalsOn(isoDate: string, hours: readonly OpeningInterval[], closedOn: ClosedOn) {
  if (swedishHolidayOn(isoDate) || closedOn(isoDate)) return [];
  const weekday = isoWeekday(isoDate);
  return hours
    .filter((interval) => interval.weekday === weekday && interval.closes > interval.opens)
    .sort((a, b) => a.opens - b.opens)
    .map((interval) => ({
      start: stockholmWallTime(isoDate, interval.opens).getTime(),
      end: stockholmWallTime(isoDate, interval.closes).getTime(),
    }));
}

// A unit open no day at all would never reach a deadline: give up after ten years of days.
const MAX_DAYS = 3660;

/**
 * When the answer is due, as epoch milliseconds; null when the unit is never open (no deadline
 * can be kept). A unit without opening hours counts with DEFAULT_OPENING_HOURS.
 */
export function replyDeadline(
  receivedAt: number,
  target: ReplyTarget,
  hours: readonly OpeningInterval[] = DEFAULT_OPENING_HOURS,
  closedOn: ClosedOn = () => false,
): number | null {
  const weekly = hours.length > 0 ? hours : DEFAULT_OPENING_HOURS;
  const received = stockholmDate(new Date(receivedAt));
  if (target.unit === 'working-days') {
    let left = target.amount;
    for (let day = 1; day <= MAX_DAYS; day++) {
      const date = addCalendarDays(received, day);
      const open = openIntervalsOn(date, weekly, closedOn);
      if (open.length === 0) continue;
      left -= 1;
      if (left <= 0) return open[open.length - 1]?.end ?? null;
    }
    return null;
  }
  let leftMs = target.amount * 3_600_000;
  for (let day = 0; day <= MAX_DAYS; day++) {
    for (const { start, end } of openIntervalsOn(addCalendarDays(received, day), weekly, closedOn)) {
      const from = Math.max(start, receivedAt);
      if (from >= end) continue;
      if (end - from >= leftMs) return from + leftMs;
      leftMs -= end - from;
    }
  }
  return null;
}

/** How an errand stands against its deadline, for lists and "Obesvarade" grouped by time left. */
export type DeadlineStanding = 'overdue' | 'due-today' | 'due-tomorrow' | 'later';

export function deadlineStanding(deadline: number, now: number): DeadlineStanding {
  if (deadline <= now) return 'overdue';
  const today = stockholmDate(new Date(now));
  const due = stockholmDate(new Date(deadline));
  if (due === today) return 'due-today';
  if (due === addCalendarDays(today, 1)) return 'due-tomorrow';
  return 'later';
}

/**
 * The unit's working time between two instants, in milliseconds: only its opening hours count,
 * not Swedish holidays or its closures (what "answered within 4 working hours" measures, for the
 * statistics' answer times). Zero when `to` is not after `from`; counting stops after MAX_DAYS.
 */
export function workingTimeBetween(
  from: number,
  to: number,
  hours: readonly OpeningInterval[] = DEFAULT_OPENING_HOURS,
  closedOn: ClosedOn = () => false,
): number {
  if (to <= from) return 0;
  const weekly = hours.length > 0 ? hours : DEFAULT_OPENING_HOURS;
  const first = stockholmDate(new Date(from));
  const last = stockholmDate(new Date(to));
  let total = 0;
  for (let day = 0, date = first; day <= MAX_DAYS; day++, date = addCalendarDays(first, day)) {
    for (const { start, end } of openIntervalsOn(date, weekly, closedOn)) {
      total += Math.max(0, Math.min(end, to) - Math.max(start, from));
    }
    if (date === last) break;
  }
  return total;
}
