import { type ClosedOn, DEFAULT_OPENING_HOURS, isWorkingDay, type OpeningInterval } from '../deadlines/working-time.ts';
import { isIsoDate } from '../forms/iso-date.ts';
import { addCalendarDays } from '../personnummer/stockholm-calendar.ts';

/**
 * A unit's scheduled closures (beyond 1177, issue 18): e.g. summer weeks when the unit takes
 * only some errand types, or sends what comes in to a cover unit of the same region. Dates are
 * Swedish calendar dates (`YYYY-MM-DD`), both ends included; no clock here, `today` is an argument.
 */
export type ClosureDays = Readonly<{
  startsOn: string;
  /** The last closed day (inclusive). */
  endsOn: string;
}>;

export type UnitClosure = ClosureDays &
  Readonly<{
    /** The errand types citizens may still send during the closure. */
    keepsOpen: readonly string[];
    /** The unit that takes the errands sent during the closure, or null. */
    coverUnitHsaId: string | null;
  }>;

/** The closure on that day, if any (closures of one unit do not overlap). */
export function activeClosure<C extends ClosureDays>(closures: readonly C[], isoDate: string): C | undefined {
  return closures.find((closure) => closure.startsOn <= isoDate && isoDate <= closure.endsOn);
}

/** The closure citizens should hear about: the one on that day, else the next one to come. */
export function currentOrNextClosure<C extends ClosureDays>(closures: readonly C[], isoDate: string): C | undefined {
  return [...closures]
    .filter((closure) => closure.endsOn >= isoDate)
    .sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0))[0];
}

/** Whether a citizen may send this errand type on a day the closure (or none) is active. */
export function maySendDuring(closure: UnitClosure | undefined, errandType: string): boolean {
  return closure === undefined || closure.keepsOpen.includes(errandType);
}

/** Every day of these closures counts as closed, for reply deadlines and the expected answer. */
export function closedOnClosures(closures: readonly ClosureDays[]): ClosedOn {
  return (isoDate) => activeClosure(closures, isoDate) !== undefined;
}

// A unit closed for ever would never answer: give up after ten years of days.
const MAX_DAYS = 3660;

/**
 * When to expect an answer to an errand sent during a closure: the first working day after it
 * (the unit's opening hours, no Swedish holiday, not in another closure). Undefined when the unit
 * is never open.
 */
export function expectedAnswerDate(
  closure: ClosureDays,
  closures: readonly ClosureDays[] = [closure],
  hours: readonly OpeningInterval[] = DEFAULT_OPENING_HOURS,
): string | undefined {
  const closedOn = closedOnClosures([closure, ...closures]);
  const weekly = hours.length > 0 ? hours : DEFAULT_OPENING_HOURS;
  for (let day = 1; day <= MAX_DAYS; day++) {
    const date = addCalendarDays(closure.endsOn, day);
    if (isWorkingDay(date, weekly, closedOn)) return date;
  }
  return undefined;
}

/** The longest closure a unit may schedule at once, in days. */
export const MAX_CLOSURE_DAYS = 366;

export type ClosureProblem = Readonly<{
  field: 'startsOn' | 'endsOn';
  code: 'not-a-date' | 'ends-before-start' | 'in-the-past' | 'too-long' | 'overlaps';
}>;

/** What is wrong with a closure's dates, given the unit's other closures and today's date. */
export function closureDateProblems(
  dates: Readonly<{ startsOn: string; endsOn: string }>,
  others: readonly Readonly<{ startsOn: string; endsOn: string }>[],
  today: string,
): ClosureProblem[] {
  const problems: ClosureProblem[] = [];
  if (!isIsoDate(dates.startsOn)) problems.push({ field: 'startsOn', code: 'not-a-date' });
  if (!isIsoDate(dates.endsOn)) problems.push({ field: 'endsOn', code: 'not-a-date' });
  if (problems.length > 0) return problems;
  if (dates.endsOn < dates.startsOn) return [{ field: 'endsOn', code: 'ends-before-start' }];
  if (dates.endsOn < today) return [{ field: 'endsOn', code: 'in-the-past' }];
  if (addCalendarDays(dates.startsOn, MAX_CLOSURE_DAYS - 1) < dates.endsOn)
    return [{ field: 'endsOn', code: 'too-long' }];
  if (others.some((other) => other.startsOn <= dates.endsOn && dates.startsOn <= other.endsOn)) {
    return [{ field: 'startsOn', code: 'overlaps' }];
  }
  return [];
}
