// Calendar dates (ISO `YYYY-MM-DD`) as they are in Sweden. Ages and birthdays follow the Swedish
// calendar day, so an instant is read in Europe/Stockholm, not in UTC or the server's zone.

const STOCKHOLM = 'Europe/Stockholm';

// h23: some locales print midnight as hour 24, which would throw the offset off by a day.
const stockholmParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: STOCKHOLM,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallClockOfIntl(instant: Date): WallClock {
  const clock: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of stockholmParts.formatToParts(instant)) {
    if (part.type in clock) clock[part.type as keyof WallClock] = Number(part.value);
  }
  return clock;
}

function stockholmWallClock(instant: Date): WallClock {
  const epochMs = instant.getTime();
  if (Number.isNaN(epochMs)) throw new RangeError('Invalid Date: the domain needs a real instant');
  if (epochMs < WHOLE_HOUR_CHANGES_SINCE) return wallClockOfIntl(instant);
  const wall = new Date(epochMs + offsetAt(epochMs));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/** ISO date for year, month (1–12) and day, zero-padded. */
export function toIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Midnight UTC of a date, as epoch milliseconds. setUTCFullYear, unlike Date.UTC, keeps years 0–99.
function utcMidnight(year: number, month: number, day: number): number {
  return new Date(0).setUTCFullYear(year, month - 1, day);
}

/** True when the day exists in the Gregorian calendar (2024-02-29 yes, 2023-02-29 no). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  const date = new Date(utcMidnight(year, month, day));
  // A 30 February rolls over to March; only a real date survives the round trip.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isLeapYear(year: number): boolean {
  return isCalendarDate(year, 2, 29);
}

/** A calendar day as numbers: month 1–12, day 1–31. */
export type CalendarDate = Readonly<{ year: number; month: number; day: number }>;

/** The Swedish calendar date (ISO `YYYY-MM-DD`) at an instant. Throws RangeError for an Invalid Date. */
export function stockholmDate(instant: Date): string {
  const { year, month, day } = stockholmCalendarDate(instant);
  return toIsoDate(year, month, day);
}

/** The Swedish calendar date at an instant as numbers. Throws RangeError for an Invalid Date. */
export function stockholmCalendarDate(instant: Date): CalendarDate {
  const { year, month, day } = stockholmWallClock(instant);
  return { year, month, day };
}

/** The instant a Swedish calendar day begins (local midnight). */
export function startOfStockholmDay(isoDate: string): Date {
  const [year = Number.NaN, month = Number.NaN, day = Number.NaN] = isoDate.split('-').map(Number);
  const midnightAsUtc = utcMidnight(year, month, day);
  if (Number.isNaN(midnightAsUtc)) throw new RangeError(`Not an ISO date: ${isoDate}`);
  // Stockholm changes clocks at 01:00 UTC, never at local midnight, so midnight exists exactly once;
  // a second pass corrects the guess when the offset at the guess differs from the one at midnight.
  let instant = midnightAsUtc - offsetAt(midnightAsUtc);
  instant = midnightAsUtc - offsetAt(instant);
  return new Date(instant);
}

/**
 * The instant a Stockholm wall-clock time happens on a calendar day, `minutes` after local
 * midnight (08:00 is 480). On the spring-forward day a time in the skipped hour maps to the same
 * wall time an hour later; on the autumn day an ambiguous time maps to its first occurrence.
 */
export function stockholmWallTime(isoDate: string, minutes: number): Date {
  const [year = Number.NaN, month = Number.NaN, day = Number.NaN] = isoDate.split('-').map(Number);
  const wall = utcMidnight(year, month, day) + minutes * 60_000;
  if (Number.isNaN(wall)) throw new RangeError(`Not an ISO date: ${isoDate}`);
  let instant = wall - offsetAt(wall);
  instant = wall - offsetAt(instant);
  return new Date(instant);
}

/** The ISO date a number of days after another (negative: before); calendar days, not 24-hour spans. */
export function addCalendarDays(isoDate: string, days: number): string {
  const [year = Number.NaN, month = Number.NaN, day = Number.NaN] = isoDate.split('-').map(Number);
  const date = new Date(utcMidnight(year, month, day + days));
  return toIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** ISO weekday of a calendar date: 1 Monday … 7 Sunday. */
export function isoWeekday(isoDate: string): number {
  const [year = Number.NaN, month = Number.NaN, day = Number.NaN] = isoDate.split('-').map(Number);
  const weekday = new Date(utcMidnight(year, month, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

// Reading the zone through Intl costs some microseconds a call, and a send, a list with
// deadlines or the statistics ask for Swedish days many times. Since 1900 Stockholm's offset has
// changed only on whole UTC hours (summer time, the standard offset of 1900), so it is the same for
// a whole UTC hour: it is read once per hour and kept (a few thousand hours at most). Before 1900
// (local mean time, +01:00:14) every instant is read through Intl.
const WHOLE_HOUR_CHANGES_SINCE = Date.UTC(1900, 0, 2);
const HOUR_MS = 3_600_000;
const offsetByHour = new Map<number, number>();

function offsetAt(epochMs: number): number {
  if (epochMs < WHOLE_HOUR_CHANGES_SINCE) return offsetOfIntl(epochMs);
  const hour = Math.floor(epochMs / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    offset = offsetOfIntl(hour * HOUR_MS);
    if (offsetByHour.size >= 4096) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

function offsetOfIntl(epochMs: number): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const c = wallClockOfIntl(new Date(whole));
  const wall = utcMidnight(c.year, c.month, c.day) + ((c.hour * 60 + c.minute) * 60 + c.second) * 1000;
  return wall - whole;
}
