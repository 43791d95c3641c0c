import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatPersonnummer, swedishToday } from './format.ts';

describe('Swedish dates and numbers', () => {
  it('shows instants in Swedish time, in the numeric Swedish form', () => {
    // 23:30 UTC on 22 November is already the 23rd in Stockholm (UTC+1).
    const instant = Date.UTC(2026, 10, 22, 23, 30);
    expect(formatDateTime(instant)).toBe('2026-11-23 00:30');
    expect(formatDate(instant)).toBe('2026-11-23');
    expect(swedishToday(instant)).toBe('2026-11-23');
  });

  it('follows summer time', () => {
    expect(formatDateTime(Date.UTC(2026, 6, 1, 10, 0))).toBe('2026-07-01 12:00');
  });

  it('writes decimals the reader’s way', () => {
    expect(formatNumber(1.5, 'sv')).toBe('1,5');
    expect(formatNumber(1.5, 'en')).toBe('1.5');
  });

  it('writes a personnummer with the century and a dash', () => {
    expect(formatPersonnummer('191212121212')).toBe('19121212-1212');
    expect(formatPersonnummer('19121212-1212')).toBe('19121212-1212');
  });
});
