import { describe, expect, it } from 'vitest';
import { addDaysToIsoDate, isIsoDate, resolveDateLimit } from './iso-date.ts';

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
