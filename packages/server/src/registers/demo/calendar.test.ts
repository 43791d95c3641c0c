import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completedMonths, daysBefore, monthsBefore } from './calendar.ts';

describe('monthsBefore', () => {
  it('moves to the last day of a shorter month', () => {
    expect(monthsBefore({ year: 2024, month: 2, day: 29 }, 13)).toEqual({ year: 2011, month: 2, day: 28 });
    expect(monthsBefore({ year: 2024, month: 10, day: 31 }, 12, 8)).toEqual({ year: 2012, month: 2, day: 29 });
    expect(monthsBefore({ year: 2025, month: 1, day: 15 }, 0, 2)).toEqual({ year: 2024, month: 11, day: 15 });
  });
});

describe('daysBefore', () => {
  it('crosses month and year ends', () => {
    expect(daysBefore({ year: 2024, month: 1, day: 1 }, 1)).toEqual({ year: 2023, month: 12, day: 31 });
    expect(daysBefore({ year: 2024, month: 3, day: 1 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

describe('completedMonths', () => {
  it('counts a birthday in a short month on its last day', () => {
    expect(completedMonths({ year: 2024, month: 1, day: 31 }, { year: 2024, month: 2, day: 28 })).toBe(0);
    expect(completedMonths({ year: 2024, month: 1, day: 31 }, { year: 2024, month: 2, day: 29 })).toBe(1);
    expect(completedMonths({ year: 2011, month: 2, day: 28 }, { year: 2024, month: 2, day: 27 })).toBe(155);
  });

  it('is exactly the months that monthsBefore went back, for any date', () => {
    const date = fc
      .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }));
    fc.assert(
      fc.property(date, fc.nat(120), fc.nat(11), (today, years, months) => {
        expect(completedMonths(monthsBefore(today, years, months), today)).toBe(years * 12 + months);
      }),
    );
  });
});
