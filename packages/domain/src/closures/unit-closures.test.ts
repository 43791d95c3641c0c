import { describe, expect, it } from 'vitest';
import { replyDeadline } from '../deadlines/working-time.ts';
import { stockholmDate, stockholmWallTime } from '../personnummer/stockholm-calendar.ts';
import {
  activeClosure,
  closedOnClosures,
  closureDateProblems,
  currentOrNextClosure,
  expectedAnswerDate,
  maySendDuring,
  type UnitClosure,
} from './unit-closures.ts';

const summer: UnitClosure = {
  startsOn: '2027-06-28',
  endsOn: '2027-08-08',
  keepsOpen: ['renew-prescription'],
  coverUnitHsaId: null,
};
const christmas: UnitClosure = { startsOn: '2027-12-23', endsOn: '2027-12-27', keepsOpen: [], coverUnitHsaId: null };

describe('unit closures', () => {
  it('are active from their first to their last day, both included', () => {
    expect(activeClosure([summer], '2027-06-27')).toBeUndefined();
    expect(activeClosure([summer], '2027-06-28')).toBe(summer);
    expect(activeClosure([summer], '2027-08-08')).toBe(summer);
    expect(activeClosure([summer], '2027-08-09')).toBeUndefined();
  });

  it('tell citizens about the closure on the day, else the next one', () => {
    expect(currentOrNextClosure([christmas, summer], '2027-05-01')).toBe(summer);
    expect(currentOrNextClosure([christmas, summer], '2027-07-01')).toBe(summer);
    expect(currentOrNextClosure([christmas, summer], '2027-08-09')).toBe(christmas);
    expect(currentOrNextClosure([christmas, summer], '2027-12-28')).toBeUndefined();
  });

  it('let through only the errand types the unit keeps open', () => {
    expect(maySendDuring(summer, 'renew-prescription')).toBe(true);
    expect(maySendDuring(summer, 'book-appointment')).toBe(false);
    expect(maySendDuring(undefined, 'book-appointment')).toBe(true);
  });

  it('expect the answer on the first working day after the closure', () => {
    // Ends Sunday 8 August 2027: Monday 9 August.
    expect(expectedAnswerDate(summer)).toBe('2027-08-09');
    // Ends Monday 27 Dec 2027 (Annandag jul falls on a Sunday that year): Tuesday 28 Dec.
    expect(expectedAnswerDate(christmas)).toBe('2027-12-28');
    // Ends Thursday 23 Dec 2027 → Christmas Eve (Fri) and the weekend are no working days: Monday 27.
    expect(expectedAnswerDate({ ...christmas, endsOn: '2027-12-23' })).toBe('2027-12-27');
  });

  it('skip another closure that follows directly, and days the unit is not open', () => {
    const next: UnitClosure = { startsOn: '2027-08-09', endsOn: '2027-08-10', keepsOpen: [], coverUnitHsaId: null };
    expect(expectedAnswerDate(summer, [summer, next])).toBe('2027-08-11');
    const fridaysOnly = [{ weekday: 5, opens: 480, closes: 720 }];
    expect(expectedAnswerDate(summer, [summer], fridaysOnly)).toBe('2027-08-13');
    expect(closedOnClosures([summer])('2027-07-15')).toBe(true);
  });

  it('count as no working days in reply deadlines', () => {
    // Sent Friday 25 June 2027 at 10:00, one working day: Monday 28 June is closed, so 9 August.
    const sent = stockholmWallTime('2027-06-25', 600).getTime();
    const due = replyDeadline(sent, { amount: 1, unit: 'working-days' }, undefined, closedOnClosures([summer]));
    expect(stockholmDate(new Date(due ?? 0))).toBe('2027-08-09');
  });

  it('check dates', () => {
    expect(closureDateProblems({ startsOn: '2027-02-29', endsOn: '2027-6-1' }, [], '2027-01-01')).toHaveLength(2);
    const today = '2027-05-01';
    expect(closureDateProblems({ startsOn: 'x', endsOn: '2027-13-01' }, [], today)).toEqual([
      { field: 'startsOn', code: 'not-a-date' },
      { field: 'endsOn', code: 'not-a-date' },
    ]);
    expect(closureDateProblems({ startsOn: '2027-06-10', endsOn: '2027-06-01' }, [], today)).toEqual([
      { field: 'endsOn', code: 'ends-before-start' },
    ]);
    expect(closureDateProblems({ startsOn: '2027-04-01', endsOn: '2027-04-10' }, [], today)).toEqual([
      { field: 'endsOn', code: 'in-the-past' },
    ]);
    expect(closureDateProblems({ startsOn: '2027-06-01', endsOn: '2028-06-01' }, [], today)).toEqual([
      { field: 'endsOn', code: 'too-long' },
    ]);
    expect(closureDateProblems({ startsOn: '2027-08-01', endsOn: '2027-08-20' }, [summer], today)).toEqual([
      { field: 'startsOn', code: 'overlaps' },
    ]);
    expect(closureDateProblems({ startsOn: '2027-08-09', endsOn: '2027-08-20' }, [summer], today)).toEqual([]);
  });
});
