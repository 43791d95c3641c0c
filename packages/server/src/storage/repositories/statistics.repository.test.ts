import { addCalendarDays, isoWeekOf } from '@kontakta/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentsFor } from './statistics.repository.ts';

// Which rollup rows a statistics query reads (issue 16 pt 5): whole months as month rows, whole
// weeks as week rows, the rest as day rows; every day of the period exactly once, counted for
// the period it is shown in.

type Grouping = 'day' | 'week' | 'month' | null;

/** The segments that hold a day, and the period each counts it for. */
function coverOf(from: string, to: string, grouping: Grouping, day: string): string[] {
  return segmentsFor(from, to, grouping).flatMap((segment) => {
    const period = segment.grain === 'day' ? day : segment.grain === 'week' ? isoWeekOf(day) : day.slice(0, 7);
    if (period < segment.first || period > segment.last) return [];
    if (grouping === null) return [segment.target ?? '?'];
    const shown = grouping === 'day' ? day : grouping === 'week' ? isoWeekOf(day) : day.slice(0, 7);
    return [segment.target ?? (segment.grain === grouping ? period : shown)];
  });
}

describe('segmentsFor', () => {
  it('reads a year from the 6th of a month as whole months, and weeks and days at the cut months', () => {
    expect(segmentsFor('2025-12-06', '2026-12-06', 'month')).toEqual([
      { grain: 'month', first: '2026-01', last: '2026-11', target: undefined },
      { grain: 'week', first: '2025-W50', last: '2025-W52', target: '2025-12' },
      { grain: 'day', first: '2025-12-06', last: '2025-12-07', target: '2025-12' },
      { grain: 'day', first: '2025-12-29', last: '2025-12-31', target: '2025-12' },
      { grain: 'day', first: '2026-12-01', last: '2026-12-06', target: '2026-12' },
    ]);
    expect(segmentsFor('2026-12-02', '2026-12-20', 'week')).toEqual([
      { grain: 'week', first: '2026-W50', last: '2026-W51', target: undefined },
      { grain: 'day', first: '2026-12-02', last: '2026-12-06', target: undefined },
    ]);
    expect(segmentsFor('2026-10-01', '2026-10-31', 'day')).toEqual([
      { grain: 'day', first: '2026-10-01', last: '2026-10-31' },
    ]);
  });

  it('covers every day of any period exactly once, for the period it is shown in', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * 366 }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom<Grouping>('day', 'week', 'month', null),
        (start, length, grouping) => {
          const from = addCalendarDays('2024-01-01', start);
          const to = addCalendarDays(from, length);
          for (let day = addCalendarDays(from, -8); day <= addCalendarDays(to, 8); day = addCalendarDays(day, 1)) {
            const inside = day >= from && day <= to;
            const expected =
              grouping === null
                ? ''
                : grouping === 'day'
                  ? day
                  : grouping === 'week'
                    ? isoWeekOf(day)
                    : day.slice(0, 7);
            expect(coverOf(from, to, grouping, day)).toEqual(inside ? [expected] : []);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
