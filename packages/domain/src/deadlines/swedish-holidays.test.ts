import { describe, expect, it } from 'vitest';
import { easterDay, swedishHolidayOn, swedishHolidays } from './swedish-holidays.ts';

// Checked against the published Swedish calendars (e.g. kalender.se, the almanac of Uppsala
// University) for 2024–2030.
const PUBLISHED: Record<number, Record<string, string>> = {
  2024: {
    Långfredagen: '2024-03-29',
    Påskdagen: '2024-03-31',
    'Annandag påsk': '2024-04-01',
    'Kristi himmelsfärdsdag': '2024-05-09',
    Pingstdagen: '2024-05-19',
    Midsommarafton: '2024-06-21',
    Midsommardagen: '2024-06-22',
    'Alla helgons dag': '2024-11-02',
  },
  2025: {
    Långfredagen: '2025-04-18',
    Påskdagen: '2025-04-20',
    'Annandag påsk': '2025-04-21',
    'Kristi himmelsfärdsdag': '2025-05-29',
    Pingstdagen: '2025-06-08',
    Midsommarafton: '2025-06-20',
    Midsommardagen: '2025-06-21',
    'Alla helgons dag': '2025-11-01',
  },
  2026: {
    Långfredagen: '2026-04-03',
    Påskdagen: '2026-04-05',
    'Annandag påsk': '2026-04-06',
    'Kristi himmelsfärdsdag': '2026-05-14',
    Pingstdagen: '2026-05-24',
    Midsommarafton: '2026-06-19',
    Midsommardagen: '2026-06-20',
    'Alla helgons dag': '2026-10-31',
  },
  2027: {
    Långfredagen: '2027-03-26',
    Påskdagen: '2027-03-28',
    'Annandag påsk': '2027-03-29',
    'Kristi himmelsfärdsdag': '2027-05-06',
    Pingstdagen: '2027-05-16',
    Midsommarafton: '2027-06-25',
    Midsommardagen: '2027-06-26',
    'Alla helgons dag': '2027-11-06',
  },
  2028: {
    Långfredagen: '2028-04-14',
    Påskdagen: '2028-04-16',
    'Annandag påsk': '2028-04-17',
    'Kristi himmelsfärdsdag': '2028-05-25',
    Pingstdagen: '2028-06-04',
    Midsommarafton: '2028-06-23',
    Midsommardagen: '2028-06-24',
    'Alla helgons dag': '2028-11-04',
  },
};

describe("Sweden's holidays", () => {
  it.each(Object.entries(PUBLISHED))('match the published calendar for %s', (year, expected) => {
    const computed = Object.fromEntries(swedishHolidays(Number(year)).map((h) => [h.name.sv, h.date]));
    expect(computed).toMatchObject(expected);
    expect(computed).toMatchObject({
      Nyårsdagen: `${year}-01-01`,
      'Trettondedag jul': `${year}-01-06`,
      'Första maj': `${year}-05-01`,
      'Sveriges nationaldag': `${year}-06-06`,
      Julafton: `${year}-12-24`,
      Juldagen: `${year}-12-25`,
      'Annandag jul': `${year}-12-26`,
      Nyårsafton: `${year}-12-31`,
    });
  });

  it('computes Easter for years far from the table (1818 and 2285 are the extremes: 22 March, 25 April)', () => {
    expect(easterDay(1818)).toBe('1818-03-22');
    expect(easterDay(2285)).toBe('2285-03-22');
    expect(easterDay(1943)).toBe('1943-04-25');
    expect(easterDay(2038)).toBe('2038-04-25');
    expect(easterDay(2030)).toBe('2030-04-21');
  });

  it('names the eves as eves and the rest as public holidays, 16 days a year', () => {
    const year = swedishHolidays(2026);
    expect(year).toHaveLength(16);
    expect(year.filter((h) => h.kind === 'eve').map((h) => h.name.sv)).toEqual([
      'Midsommarafton',
      'Julafton',
      'Nyårsafton',
    ]);
    expect(swedishHolidayOn('2026-06-19')?.name.en).toBe('Midsummer Eve');
    expect(swedishHolidayOn('2026-06-18')).toBeUndefined();
  });
});
