import type { CalendarDate } from '@kontakta/domain';

/**
 * Calendar dates for the demo: birthdays are counted back from the day the demo is generated
 * (the domain's stockholmCalendarDate), so "12 years and 8 months old" stays true whenever it is.
 */

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The same day `years` and `months` earlier; a day the target month lacks (31 Apr, 29 Feb in a
 * common year) becomes that month's last day.
 */
export function monthsBefore(date: CalendarDate, years: number, months = 0): CalendarDate {
  const index = date.year * 12 + (date.month - 1) - (years * 12 + months);
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export function daysBefore(date: CalendarDate, days: number): CalendarDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day - days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** Whole months from `birth` to `on`: 152 means 12 years and 8 months. */
export function completedMonths(birth: CalendarDate, on: CalendarDate): number {
  const months = (on.year - birth.year) * 12 + (on.month - birth.month);
  // The monthly anniversary in a short month is its last day (born 31 Jan: a month old on 28 Feb).
  const anniversary = Math.min(birth.day, daysInMonth(on.year, on.month));
  return on.day >= anniversary ? months : months - 1;
}

/** `YYYYMMDD`. */
export function compactDate(date: CalendarDate): string {
  return `${date.year}${pad(date.month)}${pad(date.day)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
