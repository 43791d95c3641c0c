import type { DateLimit } from './form-definition.schema.ts';

// Calendar dates as ISO strings (YYYY-MM-DD). A date answer is a day in Sweden, not an instant,
// so no time zone is involved; arithmetic goes through UTC only to count days.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date in the years 1000–9999 (2024-02-29 yes, 2023-02-29 no). */
export function isIsoDate(value: string): boolean {
  return toEpochDay(value) !== undefined;
}

function toEpochDay(value: string): number | undefined {
  if (value.length !== 10) return undefined;
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return undefined;
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  // Date.UTC rolls 31 April over to 1 May; a date that does not survive the round trip is not real.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return time / DAY_MS;
}

function fromEpochDay(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

/** `date` moved by `days` (negative: earlier). Undefined if `date` is not a real date. */
export function addDaysToIsoDate(date: string, days: number): string | undefined {
  const epochDay = toEpochDay(date);
  return epochDay === undefined ? undefined : fromEpochDay(epochDay + days);
}

/** The concrete date a limit stands for on `today`. */
export function resolveDateLimit(limit: DateLimit, today: string): string | undefined {
  return 'date' in limit
    ? isIsoDate(limit.date)
      ? limit.date
      : undefined
    : addDaysToIsoDate(today, limit.daysFromToday);
}

/**
 * A date to show as the example in a date field's hint, one the field would accept on `today`:
 * two weeks ahead where the field allows it, else the nearest allowed day. The hint and the
 * validator then never disagree ("till exempel 2026-03-14" under a field that wants a future date).
 */
export function exampleDate(limits: { earliest?: DateLimit; latest?: DateLimit }, today: string): string {
  const earliest = limits.earliest ? resolveDateLimit(limits.earliest, today) : undefined;
  const latest = limits.latest ? resolveDateLimit(limits.latest, today) : undefined;
  let example = addDaysToIsoDate(today, 14) ?? today;
  if (latest !== undefined && example > latest) {
    // Past dates only (a symptom's start): a week back, or the latest allowed day.
    const weekBack = addDaysToIsoDate(today, -7) ?? today;
    // ISO dates compare as strings; Math.min does not apply.
    if (weekBack > latest) example = latest;
    else example = weekBack;
  }
  if (earliest !== undefined && example < earliest) example = earliest;
  return example;
}
