import { describe, expect, it } from 'vitest';
import { closureDay, closureRange } from './closure-dates.ts';

describe('closure dates', () => {
  it('reads as people say them, the year once within one year', () => {
    expect(closureRange('2027-06-29', '2027-08-09', 'sv')).toBe('29 juni–9 augusti 2027');
    expect(closureRange('2027-06-29', '2027-08-09', 'en')).toBe('29 June–9 August 2027');
    expect(closureRange('2027-12-23', '2028-01-02', 'sv')).toBe('23 december 2027–2 januari 2028');
    expect(closureDay('2027-08-10', 'sv')).toBe('10 augusti 2027');
  });
});
