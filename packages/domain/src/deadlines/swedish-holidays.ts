import { addCalendarDays, isoWeekday, toIsoDate } from '../personnummer/stockholm-calendar.ts';

/**
 * Sweden's public holidays (lag 1989:253 om allmänna helgdagar), computed for any year, and the
 * three eves that workplaces, care units included, treat as holidays: midsummer, Christmas and
 * New Year's Eve. Sundays are not listed (no unit's working week has them by default) except
 * where a holiday falls on one by rule (Easter Day, Whitsunday).
 */
export type SwedishHoliday = Readonly<{
  date: string;
  name: Readonly<{ sv: string; en: string }>;
  /** `public-holiday` by law; `eve` by custom (midsommarafton, julafton, nyårsafton). */
  kind: 'public-holiday' | 'eve';
}>;

/** Easter Day in the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher). */
export function easterDay(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIsoDate(year, month, day);
}

/** The Saturday in [first, first + 6]: midsommardagen and alla helgons dag are set that way. */
function saturdayFrom(first: string): string {
  const weekday = isoWeekday(first);
  return addCalendarDays(first, (6 - weekday + 7) % 7);
}

export function swedishHolidays(year: number): SwedishHoliday[] {
  const easter = easterDay(year);
  const midsummerDay = saturdayFrom(toIsoDate(year, 6, 20));
  const holiday = (date: string, sv: string, en: string): SwedishHoliday => ({
    date,
    name: { sv, en },
    kind: 'public-holiday',
  });
  const eve = (date: string, sv: string, en: string): SwedishHoliday => ({ date, name: { sv, en }, kind: 'eve' });
  return [
    holiday(toIsoDate(year, 1, 1), 'Nyårsdagen', "New Year's Day"),
    holiday(toIsoDate(year, 1, 6), 'Trettondedag jul', 'Epiphany'),
    holiday(addCalendarDays(easter, -2), 'Långfredagen', 'Good Friday'),
    holiday(easter, 'Påskdagen', 'Easter Day'),
    holiday(addCalendarDays(easter, 1), 'Annandag påsk', 'Easter Monday'),
    holiday(toIsoDate(year, 5, 1), 'Första maj', 'May Day'),
    holiday(addCalendarDays(easter, 39), 'Kristi himmelsfärdsdag', 'Ascension Day'),
    holiday(addCalendarDays(easter, 49), 'Pingstdagen', 'Whitsunday'),
    holiday(toIsoDate(year, 6, 6), 'Sveriges nationaldag', 'National Day of Sweden'),
    eve(addCalendarDays(midsummerDay, -1), 'Midsommarafton', 'Midsummer Eve'),
    holiday(midsummerDay, 'Midsommardagen', 'Midsummer Day'),
    holiday(saturdayFrom(toIsoDate(year, 10, 31)), 'Alla helgons dag', "All Saints' Day"),
    eve(toIsoDate(year, 12, 24), 'Julafton', 'Christmas Eve'),
    holiday(toIsoDate(year, 12, 25), 'Juldagen', 'Christmas Day'),
    holiday(toIsoDate(year, 12, 26), 'Annandag jul', 'Boxing Day'),
    eve(toIsoDate(year, 12, 31), 'Nyårsafton', "New Year's Eve"),
  ];
}

const byYear = new Map<number, ReadonlyMap<string, SwedishHoliday>>();

/** The holiday (or eve) on a date, if any. Computed once per year and kept: a year is 16 entries. */
export function swedishHolidayOn(isoDate: string): SwedishHoliday | undefined {
  const year = Number(isoDate.slice(0, 4));
  let holidays = byYear.get(year);
  if (!holidays) {
    holidays = new Map(swedishHolidays(year).map((holiday) => [holiday.date, holiday]));
    byYear.set(year, holidays);
  }
  return holidays.get(isoDate);
}
