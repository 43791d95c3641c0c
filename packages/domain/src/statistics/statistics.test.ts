import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPENING_HOURS, workingTimeBetween } from '../deadlines/working-time.ts';
import { stockholmWallTime } from '../personnummer/stockholm-calendar.ts';
import {
  ANSWER_DAY_EDGES,
  ANSWER_HOUR_EDGES,
  answerDayBucket,
  answerHourBucket,
  quantileBucket,
  workingDaysBetween,
} from './answer-time-histogram.ts';
import { isoWeekOf, periodsBetween } from './statistics-periods.ts';
import { type Cell, suppressGrid } from './suppression.ts';

const HOUR = 3_600_000;
const at = (date: string, hh: number, mm = 0) => stockholmWallTime(date, hh * 60 + mm).getTime();

describe('working time between two instants', () => {
  it('counts only opening hours, skipping nights, weekends and holidays', () => {
    // Friday 2026-12-04 16:00 → Monday 2026-12-07 09:00: one hour Friday, one Monday.
    expect(workingTimeBetween(at('2026-12-04', 16), at('2026-12-07', 9))).toBe(2 * HOUR);
    // Christmas Eve and Christmas Day are no working days.
    expect(workingTimeBetween(at('2026-12-23', 16), at('2026-12-28', 8, 30))).toBe(1.5 * HOUR);
    expect(workingTimeBetween(at('2026-12-07', 10), at('2026-12-07', 10))).toBe(0);
    expect(workingTimeBetween(at('2026-12-07', 10), at('2026-12-07', 12), DEFAULT_OPENING_HOURS)).toBe(2 * HOUR);
  });
});

describe('answer-time histogram', () => {
  it('puts each time in the bucket of its lower edge', () => {
    expect(answerHourBucket(0)).toBe(0);
    expect(answerHourBucket(0.99 * HOUR)).toBe(0);
    expect(answerHourBucket(1 * HOUR)).toBe(1);
    expect(answerHourBucket(5 * HOUR)).toBe(3);
    expect(answerHourBucket(1000 * HOUR)).toBe(ANSWER_HOUR_EDGES.length - 1);
  });
  it('reads median and 90th percentile at bucket resolution', () => {
    expect(quantileBucket([5, 3, 2], 0.5)).toBe(0);
    expect(quantileBucket([4, 3, 3], 0.5)).toBe(1);
    expect(quantileBucket([4, 3, 3], 0.9)).toBe(2);
    expect(quantileBucket([0, 0], 0.5)).toBeUndefined();
  });
});

describe('answer time in working days', () => {
  it('counts the working days after the day of arrival up to the day of the answer', () => {
    // Same day, whatever the hours: 0. Monday → Tuesday: 1.
    expect(workingDaysBetween(at('2026-12-07', 8), at('2026-12-07', 16))).toBe(0);
    expect(workingDaysBetween(at('2026-12-07', 16), at('2026-12-08', 8, 5))).toBe(1);
    // Friday evening → Monday morning: the weekend is no working day, Monday is the first.
    expect(workingDaysBetween(at('2026-12-04', 20), at('2026-12-07', 9))).toBe(1);
    // Over Christmas: 23 Dec → 28 Dec skips Christmas Eve, Christmas Day, Boxing Day and the weekend.
    expect(workingDaysBetween(at('2026-12-23', 10), at('2026-12-28', 10))).toBe(1);
    // A closure of the unit is no working day either.
    expect(workingDaysBetween(at('2026-12-07', 10), at('2026-12-09', 10), undefined, (d) => d === '2026-12-08')).toBe(
      1,
    );
    expect(workingDaysBetween(at('2026-12-09', 10), at('2026-12-07', 10))).toBe(0);
  });
  it('puts each count of days in the bucket of its lower edge', () => {
    expect(answerDayBucket(0)).toBe(0);
    expect(answerDayBucket(3)).toBe(3);
    expect(answerDayBucket(5)).toBe(4);
    expect(answerDayBucket(400)).toBe(ANSWER_DAY_EDGES.length - 1);
  });
});

describe('periods', () => {
  it('names ISO weeks by the year of their Thursday', () => {
    expect(isoWeekOf('2026-12-07')).toBe('2026-W50');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2021-01-04')).toBe('2021-W01');
  });
  it('lists every period once', () => {
    expect(periodsBetween('2026-11-29', '2026-12-08', 'week')).toEqual(['2026-W48', '2026-W49', '2026-W50']);
    expect(periodsBetween('2026-11-29', '2027-01-02', 'month')).toEqual(['2026-11', '2026-12', '2027-01']);
  });
});

describe('suppression', () => {
  it('hides 1–4, shows 0 and 5+, never the true small number', () => {
    const grid = suppressGrid(
      [
        [0, 3, 10],
        [7, 8, 9],
        [6, 0, 0],
      ],
      3,
    );
    expect(grid.cells[0]?.[1]).toEqual({ value: null, suppressed: true });
    expect(grid.cells[1]?.[2]).toEqual({ value: 9, suppressed: false });
    expect(JSON.stringify(grid)).not.toContain('3');
  });

  it('gives no total that would reveal a suppressed cell by subtraction', () => {
    const grid = suppressGrid(
      [
        [6, 2],
        [7, 8],
      ],
      2,
    );
    expect(grid.grandTotal).toBeNull();
    grid.rowTotals.forEach((total, row) => {
      if (total !== null) expect(total).toBe(grid.cells[row]?.reduce((sum, cell) => sum + (cell.value ?? 0), 0));
    });
  });

  it('never leaves one suppressed cell alone in a row or column (a total from elsewhere would give it away)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((columns) =>
          fc.tuple(
            fc.constant(columns),
            fc.array(fc.array(fc.nat({ max: 12 }), { minLength: columns, maxLength: columns }), {
              minLength: 1,
              maxLength: 6,
            }),
          ),
        ),
        ([columns, counts]) => {
          const { cells } = suppressGrid(counts, columns);
          const lines = [...cells, ...Array.from({ length: columns }, (_, c) => cells.map((row) => row[c] as Cell))];
          for (const line of lines) {
            const hiddenCount = line.filter((cell) => cell.suppressed).length;
            if (line.length > 1) expect(hiddenCount).not.toBe(1);
          }
          counts.forEach((row, r) => {
            row.forEach((count, c) => {
              const cell = cells[r]?.[c] as Cell;
              if (count > 0 && count < 5) expect(cell.suppressed).toBe(true);
              if (!cell.suppressed) expect(cell.value).toBe(count);
            });
          });
        },
      ),
    );
  });
});
