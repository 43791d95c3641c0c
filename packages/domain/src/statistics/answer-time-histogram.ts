import { type ClosedOn, DEFAULT_OPENING_HOURS, isWorkingDay, type OpeningInterval } from '../deadlines/working-time.ts';
import { addCalendarDays, stockholmDate } from '../personnummer/stockholm-calendar.ts';

// Time to first answer, kept as a histogram of working hours (issue 16 pt 3) so that it can be
// summed over days, units and regions like any other count. Median and 90th percentile are read
// from the histogram and are therefore only as exact as its buckets: "within 4–8 working hours".

/**
 * Lower edges of the buckets in working hours; the last bucket is open-ended. Fine where most
 * answers fall (the first working day), then about one, two, three, five and ten working days.
 */
export const ANSWER_HOUR_EDGES: readonly number[] = [0, 1, 2, 4, 8, 16, 24, 40, 80];

/** The bucket (index into ANSWER_HOUR_EDGES) of an answer time in working milliseconds. */
export function answerHourBucket(workingMs: number): number {
  const hours = workingMs / 3_600_000;
  let bucket = 0;
  for (let index = 0; index < ANSWER_HOUR_EDGES.length; index++) {
    if (hours >= (ANSWER_HOUR_EDGES[index] ?? 0)) bucket = index;
  }
  return bucket;
}

/** A bucket's range in working hours; `to` is null for the open-ended last one. */
export function answerHourRange(bucket: number): { from: number; to: number | null } {
  return { from: ANSWER_HOUR_EDGES[bucket] ?? 0, to: ANSWER_HOUR_EDGES[bucket + 1] ?? null };
}

/**
 * The bucket that holds the given quantile (0.5 median, 0.9 the 90th percentile) of a histogram
 * of counts per bucket: the first whose running total reaches the quantile's share. Undefined for
 * an empty histogram.
 */
export function quantileBucket(counts: readonly number[], quantile: number): number | undefined {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return undefined;
  const wanted = Math.ceil(total * quantile);
  let running = 0;
  for (let bucket = 0; bucket < counts.length; bucket++) {
    running += counts[bucket] ?? 0;
    if (running >= wanted) return bucket;
  }
  return counts.length - 1;
}

/**
 * Lower edges of the working-day buckets: answered the day it arrived (0), the next working day
 * (1), and so on; "Svar inom 3 arbetsdagar" is answered in a bucket below 4.
 */
export const ANSWER_DAY_EDGES: readonly number[] = [0, 1, 2, 3, 4, 6, 11];

/** Stop counting after about a year of days: later answers all fall in the last bucket anyway. */
const MAX_COUNTED_DAYS = 400;

/**
 * Time to answer in the unit's working days, as reply times count them ("inom 3 arbetsdagar"):
 * the working days after the day the errand arrived, up to and including the day it was answered
 * (days with opening hours that are no holiday, eve or closure of the unit). Answered the same
 * day is 0, the next working day 1, whatever the hour.
 */
export function workingDaysBetween(
  from: number,
  to: number,
  hours: readonly OpeningInterval[] = DEFAULT_OPENING_HOURS,
  closedOn: ClosedOn = () => false,
): number {
  const weekly = hours.length > 0 ? hours : DEFAULT_OPENING_HOURS;
  const first = stockholmDate(new Date(from));
  const last = stockholmDate(new Date(to));
  let days = 0;
  for (let step = 1, date = addCalendarDays(first, 1); date <= last && step <= MAX_COUNTED_DAYS; step++) {
    if (isWorkingDay(date, weekly, closedOn)) days += 1;
    date = addCalendarDays(first, step + 1);
  }
  return days;
}

/** The bucket (index into ANSWER_DAY_EDGES) of an answer time in working days. */
export function answerDayBucket(workingDays: number): number {
  let bucket = 0;
  for (let index = 0; index < ANSWER_DAY_EDGES.length; index++) {
    if (workingDays >= (ANSWER_DAY_EDGES[index] ?? 0)) bucket = index;
  }
  return bucket;
}
