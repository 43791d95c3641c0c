import { describe, expect, it } from 'vitest';
import { validateAnswers } from './answer-validator.ts';
import { addDaysToIsoDate, exampleDate, isIsoDate, resolveDateLimit } from './iso-date.ts';

describe('isIsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2025-12-31', '1000-01-01', '9999-12-31'])('accepts %s', (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  it.each([
    '2023-02-29',
    '1900-02-29',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '2025-1-01',
    '20250101',
    ' 2025-01-01',
    '2025-01-01T00:00',
    '0999-12-31',
    '２０２５-01-01',
    '',
  ])('refuses %j', (date) => {
    expect(isIsoDate(date)).toBe(false);
  });
});

describe('addDaysToIsoDate', () => {
  it('crosses months, years and leap days', () => {
    expect(addDaysToIsoDate('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysToIsoDate('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDaysToIsoDate('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDaysToIsoDate('2025-01-01', -1)).toBe('2024-12-31');
  });

  it('is not confused by daylight saving time', () => {
    // Sweden moves its clocks on the last Sunday of March and October; calendar days do not care.
    expect(addDaysToIsoDate('2025-03-29', 2)).toBe('2025-03-31');
    expect(addDaysToIsoDate('2025-10-25', 2)).toBe('2025-10-27');
  });

  it('gives undefined for something that is not a date', () => {
    expect(addDaysToIsoDate('2025-02-30', 1)).toBeUndefined();
  });
});

describe('resolveDateLimit', () => {
  it('resolves relative limits against the given today', () => {
    expect(resolveDateLimit({ daysFromToday: 0 }, '2025-05-12')).toBe('2025-05-12');
    expect(resolveDateLimit({ daysFromToday: -30 }, '2025-05-12')).toBe('2025-04-12');
    expect(resolveDateLimit({ date: '2026-01-01' }, '2025-05-12')).toBe('2026-01-01');
  });
});

describe('exampleDate', () => {
  const today = '2026-12-06';
  it('is two weeks ahead when the field allows any date, or a future one', () => {
    expect(exampleDate({}, today)).toBe('2026-12-20');
    expect(exampleDate({ earliest: { daysFromToday: 1 } }, today)).toBe('2026-12-20');
  });

  it('is a week back when only past dates are allowed, or the latest allowed day', () => {
    expect(exampleDate({ latest: { daysFromToday: 0 } }, today)).toBe('2026-11-29');
    expect(exampleDate({ latest: { date: '2020-01-31' } }, today)).toBe('2020-01-31');
  });

  it('is the earliest allowed day when two weeks is too soon, and within a narrow window', () => {
    expect(exampleDate({ earliest: { daysFromToday: 30 } }, today)).toBe('2027-01-05');
    expect(exampleDate({ earliest: { daysFromToday: 2 }, latest: { daysFromToday: 5 } }, today)).toBe('2026-12-08');
  });

  it('is always a date the validator accepts', () => {
    const limits = [
      {},
      { earliest: { daysFromToday: 0 } },
      { latest: { daysFromToday: 0 } },
      { earliest: { daysFromToday: -400 }, latest: { daysFromToday: -300 } },
      { earliest: { date: '2027-02-01' }, latest: { date: '2027-02-03' } },
    ];
    for (const limit of limits) {
      const field = { kind: 'date', key: 'd', label: { sv: 'Datum', en: 'Date' }, ...limit } as const;
      const example = exampleDate(limit, today);
      const result = validateAnswers({ formatVersion: 1, fields: [field] }, { d: example }, { today });
      expect(result.ok, `${JSON.stringify(limit)} → ${example}`).toBe(true);
    }
  });
});
