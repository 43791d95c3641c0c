import { describe, expect, it } from 'vitest';
import { filtersFrom, filtersToParams } from './statistics-filters.ts';

describe('statistics filters in the address', () => {
  const today = new Date('2026-12-06T12:00:00Z');

  it('defaults to the last twelve months and the current one, per month, no breakdown', () => {
    expect(filtersFrom(new URLSearchParams(), today)).toEqual({
      from: '2025-12-01',
      to: '2026-12-06',
      granularity: 'month',
      breakdown: 'none',
    });
  });

  it('reads back what it writes, and replaces what is not a filter value', () => {
    const query = {
      from: '2026-10-01',
      to: '2026-10-31',
      granularity: 'week' as const,
      breakdown: 'unit' as const,
      region: '01',
      unit: 'SE1',
      page: 3,
    };
    expect(filtersFrom(filtersToParams(query), today)).toEqual(query);
    // The first page is the address without one; a page that is not a whole number past 1 is left out.
    expect(filtersToParams({ ...query, page: 1 }).has('page')).toBe(false);
    for (const page of ['1', '0', '-2', '2.5', 'two'])
      expect(filtersFrom(new URLSearchParams(`page=${page}`), today)).not.toHaveProperty('page');
    const odd = filtersFrom(new URLSearchParams('from=yesterday&granularity=year&breakdown=person'), today);
    expect(odd).toMatchObject({ from: '2025-12-01', granularity: 'month', breakdown: 'none' });
    // A region is two digits (an installation administrator's choice); anything else is left out.
    expect(filtersFrom(new URLSearchParams('region=Stockholm'), today)).not.toHaveProperty('region');
  });
});
