import type { ParsedPersonnummer } from './personnummer.ts';
import { isCalendarDate, isLeapYear, startOfStockholmDay, stockholmDate, toIsoDate } from './stockholm-calendar.ts';

// Age in whole years, on the Swedish calendar: a birthday begins at midnight Stockholm time.
//
// Born on 29 February: in a year without that day the person turns a year older on 28 February.
// Lag (1930:173) om beräkning av lagstadgad tid 1 § ends a period counted in years on the day with
// the same number in the last month, or on that month's last day when it has no such day. For the
// proxy rule this also errs on the side of the child: the guardian's access ends a day earlier, not later.

type HasBirthDate = Pick<ParsedPersonnummer, 'birthDate'>;

function birthDateParts(person: HasBirthDate): [number, number, number] {
  const [year = Number.NaN, month = Number.NaN, day = Number.NaN] = person.birthDate.split('-').map(Number);
  if (!isCalendarDate(year, month, day)) throw new RangeError(`Not an ISO birth date: ${person.birthDate}`);
  return [year, month, day];
}

/** The Swedish calendar date (ISO) on which the person turns `age`. */
export function dateOfBirthday(person: HasBirthDate, age: number): string {
  if (!Number.isSafeInteger(age)) throw new RangeError(`Age must be a whole number: ${age}`);
  const [birthYear, month, day] = birthDateParts(person);
  const year = birthYear + age;
  if (month === 2 && day === 29 && !isLeapYear(year)) return toIsoDate(year, 2, 28);
  return toIsoDate(year, month, day);
}

/** The instant the person turns `age`: midnight Stockholm time on that birthday. */
export function startOfBirthday(person: HasBirthDate, age: number): Date {
  return startOfStockholmDay(dateOfBirthday(person, age));
}

/** Age in whole years at the instant `on` (negative before birth). Throws RangeError for an Invalid Date. */
export function ageOn(person: HasBirthDate, on: Date): number {
  const today = stockholmDate(on);
  const [birthYear] = birthDateParts(person);
  const years = Number(today.slice(0, 4)) - birthYear;
  // ISO dates of four-digit years compare correctly as strings.
  return today >= dateOfBirthday(person, years) ? years : years - 1;
}
