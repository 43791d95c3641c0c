import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stockholmDate, stockholmWallTime } from '../personnummer/stockholm-calendar.ts';
import { swedishHolidayOn } from './swedish-holidays.ts';
import {
  DEFAULT_OPENING_HOURS,
  deadlineStanding,
  isWorkingDay,
  type OpeningInterval,
  parseClockTime,
  replyDeadline,
} from './working-time.ts';

const at = (isoDate: string, clock: string) => stockholmWallTime(isoDate, parseClockTime(clock) ?? 0).getTime();
const local = (epochMs: number | null) =>
  epochMs === null
    ? null
    : new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Europe/Stockholm',
        dateStyle: 'short',
        timeStyle: 'short',
      }).format(new Date(epochMs));

describe('reply deadlines in working days', () => {
  const days = (amount: number) => ({ amount, unit: 'working-days' as const });

  it('end at closing time on the Nth working day after the day of arrival', () => {
    // Arrived Monday 7 Dec 2026 at 10:00 → three working days: Tue, Wed, Thu 17:00.
    expect(local(replyDeadline(at('2026-12-07', '10:00'), days(3)))).toBe('2026-12-10 17:00');
    // Arrived on a Saturday: the weekend does not count.
    expect(local(replyDeadline(at('2026-12-05', '10:00'), days(1)))).toBe('2026-12-07 17:00');
  });

  it('skip Easter, Christmas and midsummer, eves included', () => {
    // Maundy Thursday 2 April 2026: Good Friday and Easter Monday are holidays.
    expect(local(replyDeadline(at('2026-04-02', '09:00'), days(1)))).toBe('2026-04-07 17:00');
    // 23 Dec 2026 (Wednesday): 24, 25 (eve, holiday), 26–27 weekend → Monday 28th.
    expect(local(replyDeadline(at('2026-12-23', '09:00'), days(1)))).toBe('2026-12-28 17:00');
    // Thursday before midsummer 2026: Friday is midsummer eve → Monday 22 June.
    expect(local(replyDeadline(at('2026-06-18', '09:00'), days(1)))).toBe('2026-06-22 17:00');
  });

  it("follow the unit's own week and its scheduled closures", () => {
    const thursdays: OpeningInterval[] = [{ weekday: 4, opens: 13 * 60, closes: 15 * 60 + 30 }];
    expect(local(replyDeadline(at('2026-12-07', '10:00'), days(2), thursdays))).toBe('2026-12-17 15:30');
    const summerClosure = (date: string) => date >= '2027-07-05' && date <= '2027-08-01';
    expect(local(replyDeadline(at('2027-07-02', '12:00'), days(1), DEFAULT_OPENING_HOURS, summerClosure))).toBe(
      '2027-08-02 17:00',
    );
  });

  it('keep 17:00 local over the change to summer time and back', () => {
    // Summer time begins Sunday 29 March 2026; Friday 27th + 1 working day = Monday 30th 17:00 CEST.
    const spring = replyDeadline(at('2026-03-27', '12:00'), days(1));
    expect(new Date(spring ?? 0).toISOString()).toBe('2026-03-30T15:00:00.000Z');
    const autumn = replyDeadline(at('2026-10-23', '12:00'), days(1));
    expect(new Date(autumn ?? 0).toISOString()).toBe('2026-10-26T16:00:00.000Z');
  });

  it('give none for a unit that is never open', () => {
    const never: OpeningInterval[] = [{ weekday: 1, opens: 600, closes: 600 }];
    expect(replyDeadline(at('2026-12-07', '10:00'), days(1), never)).toBeNull();
  });
});

describe('reply deadlines in working hours', () => {
  const hours = (amount: number) => ({ amount, unit: 'working-hours' as const });

  it('count only open hours, across the evening and the weekend', () => {
    expect(local(replyDeadline(at('2026-12-07', '10:00'), hours(4)))).toBe('2026-12-07 14:00');
    expect(local(replyDeadline(at('2026-12-07', '15:00'), hours(4)))).toBe('2026-12-08 10:00');
    // Friday 16:00 + 2 h: one hour Friday, one hour Monday morning.
    expect(local(replyDeadline(at('2026-12-11', '16:00'), hours(2)))).toBe('2026-12-14 09:00');
    // Arrived at night: the clock starts when the unit opens.
    expect(local(replyDeadline(at('2026-12-08', '02:00'), hours(1)))).toBe('2026-12-08 09:00');
  });

  it('count a lunch closure as closed', () => {
    const withLunch: OpeningInterval[] = [
      { weekday: 1, opens: 8 * 60, closes: 12 * 60 },
      { weekday: 1, opens: 13 * 60, closes: 17 * 60 },
    ];
    expect(local(replyDeadline(at('2026-12-07', '11:00'), hours(2), withLunch))).toBe('2026-12-07 14:00');
  });
});

describe('deadlines, whatever the arrival', () => {
  it('property: due on a working day, within its opening hours, never before arrival', () => {
    const start = Date.parse('2024-01-01T00:00:00Z');
    const end = Date.parse('2029-01-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: start, max: end }),
        fc.integer({ min: 1, max: 15 }),
        fc.constantFrom('working-days' as const, 'working-hours' as const),
        (receivedAt, amount, unit) => {
          const deadline = replyDeadline(receivedAt, { amount, unit }) as number;
          expect(deadline).toBeGreaterThan(receivedAt);
          const date = stockholmDate(new Date(deadline));
          expect(swedishHolidayOn(date)).toBeUndefined();
          expect(isWorkingDay(date)).toBe(true);
          expect(deadline).toBeGreaterThan(at(date, '08:00'));
          expect(deadline).toBeLessThanOrEqual(at(date, '17:00'));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('stand as overdue, due today, due tomorrow or later', () => {
    const now = at('2026-12-07', '10:00');
    expect(deadlineStanding(at('2026-12-07', '09:00'), now)).toBe('overdue');
    expect(deadlineStanding(at('2026-12-07', '17:00'), now)).toBe('due-today');
    expect(deadlineStanding(at('2026-12-08', '17:00'), now)).toBe('due-tomorrow');
    expect(deadlineStanding(at('2026-12-10', '17:00'), now)).toBe('later');
  });

  it('reads clock times strictly', () => {
    expect(parseClockTime('08:00')).toBe(480);
    expect(parseClockTime('24:00')).toBe(1440);
    for (const bad of ['8:00', '24:01', '12:60', '12.00', '', ' 08:00']) expect(parseClockTime(bad)).toBeUndefined();
  });
});
