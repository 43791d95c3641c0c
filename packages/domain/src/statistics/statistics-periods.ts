import { addCalendarDays, isoWeekday } from '../personnummer/stockholm-calendar.ts';

// Statistics are counted per Swedish calendar day and shown per day, ISO week or month.

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** The ISO week of a date, `2026-W49` (the week belongs to the year of its Thursday). */
export function isoWeekOf(isoDate: string): string {
  const thursday = addCalendarDays(isoDate, 4 - isoWeekday(isoDate));
  const year = thursday.slice(0, 4);
  const dayOfYear = Math.round(
    (Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000,
  );
  return `${year}-W${String(Math.floor(dayOfYear / 7) + 1).padStart(2, '0')}`;
}

/** The period a day belongs to at a granularity: the day, `2026-W49` or `2026-12`. */
export function periodOf(isoDate: string, granularity: Granularity): string {
  if (granularity === 'day') return isoDate;
  if (granularity === 'week') return isoWeekOf(isoDate);
  return isoDate.slice(0, 7);
}

/** Every period from one day to another (both included), in order, each once. */
export function periodsBetween(from: string, to: string, granularity: Granularity): string[] {
  const periods: string[] = [];
  for (let date = from; date <= to; date = addCalendarDays(date, 1)) {
    const period = periodOf(date, granularity);
    if (periods[periods.length - 1] !== period) periods.push(period);
  }
  return periods;
}
