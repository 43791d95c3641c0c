import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isCalendarDate,
  isLeapYear,
  startOfStockholmDay,
  stockholmCalendarDate,
  stockholmDate,
  stockholmWallTime,
  toIsoDate,
} from './stockholm-calendar.ts';

describe('stockholmCalendarDate', () => {
  it('is already the next day in Sweden late in the UTC evening', () => {
    expect(stockholmCalendarDate(new Date('2023-12-31T23:30:00Z'))).toEqual({ year: 2024, month: 1, day: 1 });
    expect(stockholmCalendarDate(new Date('2024-06-30T22:30:00Z'))).toEqual({ year: 2024, month: 7, day: 1 });
    expect(stockholmCalendarDate(new Date('2024-06-30T21:30:00Z'))).toEqual({ year: 2024, month: 6, day: 30 });
  });
});

describe('stockholmDate', () => {
  // The zone's offset is read once per UTC hour and kept (stockholm-calendar.ts): it must give what
  // reading every instant through Intl gives, at any millisecond, across the summer-time changes.
  it('is the day Intl reads in Europe/Stockholm at any instant 1850–2150', () => {
    const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', dateStyle: 'short' });
    const instant = fc.date({
      min: new Date('1850-01-01T00:00:00Z'),
      max: new Date('2150-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    const nearChange = fc
      .integer({ min: 1980, max: 2100 })
      .chain((year) =>
        fc
          .constantFrom(`${year}-03-`, `${year}-10-`)
          .chain((month) =>
            fc
              .integer({ min: 25, max: 31 })
              .chain((day) =>
                fc
                  .integer({ min: -2 * 3_600_000, max: 2 * 3_600_000 })
                  .map((ms) => new Date(Date.parse(`${month}${day}T01:00:00Z`) + ms)),
              ),
          ),
      );
    fc.assert(
      fc.property(fc.oneof(instant, nearChange), (at) => {
        expect(stockholmDate(at)).toBe(intl.format(at));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the calendar day in Sweden, not in UTC', () => {
    expect(stockholmDate(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(stockholmDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(stockholmDate(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(stockholmDate(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });

  it('throws for an Invalid Date', () => {
    expect(() => stockholmDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('stockholmWallTime', () => {
  // Every minute of the days around the summer-time changes, read back through Intl: the hour
  // and minute asked for, except in spring's skipped hour, which maps to an hour later.
  it('is the wall time Intl reads, on the days the clocks change and the days around them', () => {
    const intl = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Stockholm',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const read = (at: Date) => {
      const part = (type: string) => intl.formatToParts(at).find((p) => p.type === type)?.value ?? '';
      return {
        iso: `${part('year')}-${part('month')}-${part('day')}`,
        minutes: Number(part('hour')) * 60 + Number(part('minute')),
      };
    };
    const changeDay = fc
      .record({
        year: fc.integer({ min: 1980, max: 2100 }),
        month: fc.constantFrom(3, 10),
        day: fc.integer({ min: 24, max: 31 }),
      })
      .map(({ year, month, day }) => toIsoDate(year, month, day));
    fc.assert(
      fc.property(changeDay, fc.integer({ min: 0, max: 1439 }), (iso, minutes) => {
        const back = read(stockholmWallTime(iso, minutes));
        const skipped = back.minutes === minutes + 60 && minutes >= 120 && minutes < 180 && iso.slice(5, 7) === '03';
        expect(skipped ? { ...back, minutes } : back).toEqual({ iso, minutes });
      }),
      { numRuns: 3000 },
    );
  });
});

describe('startOfStockholmDay', () => {
  it('is local midnight in winter, summer and on the days the clocks change', () => {
    expect(startOfStockholmDay('2026-01-15')).toEqual(new Date('2026-01-14T23:00:00Z'));
    expect(startOfStockholmDay('2026-07-15')).toEqual(new Date('2026-07-14T22:00:00Z'));
    expect(startOfStockholmDay('2026-03-29')).toEqual(new Date('2026-03-28T23:00:00Z'));
    expect(startOfStockholmDay('2026-03-30')).toEqual(new Date('2026-03-29T22:00:00Z'));
    expect(startOfStockholmDay('2026-10-25')).toEqual(new Date('2026-10-24T22:00:00Z'));
    expect(startOfStockholmDay('2026-10-26')).toEqual(new Date('2026-10-25T23:00:00Z'));
  });

  it('throws for text that is not a date', () => {
    expect(() => startOfStockholmDay('soon')).toThrow(RangeError);
  });

  it('begins exactly the day stockholmDate reads, for any day 1850–2150', () => {
    const day = fc
      .date({ min: new Date('1850-01-02T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (iso) => {
        const start = startOfStockholmDay(iso);
        expect(stockholmDate(start)).toBe(iso);
        expect(stockholmDate(new Date(start.getTime() - 1))).not.toBe(iso);
      }),
    );
  });
});

describe('calendar helpers', () => {
  it('knows real dates and leap years', () => {
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(2023, 2, 29)).toBe(false);
    expect(isCalendarDate(2023, 4, 31)).toBe(false);
    expect(isCalendarDate(2023, 13, 1)).toBe(false);
    expect(isCalendarDate(2023, 1, 0)).toBe(false);
    expect(isCalendarDate(2023, 1, 1.5)).toBe(false);
    expect(isCalendarDate(Number.NaN, 1, 1)).toBe(false);
    expect(isCalendarDate(50, 1, 1)).toBe(true);
    expect([1900, 2000, 2024, 2100].map(isLeapYear)).toEqual([false, true, true, false]);
  });

  it('pads ISO dates', () => {
    expect(toIsoDate(812, 3, 5)).toBe('0812-03-05');
  });
});
