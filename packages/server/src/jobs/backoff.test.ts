import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RETRY_BASE_MS, RETRY_MAX_MS, retryDelayMs } from './backoff.ts';

describe('retryDelayMs', () => {
  it('doubles from 30 seconds, capped at 2 hours', () => {
    const ceiling = (n: number) => retryDelayMs(n, () => 1);
    expect([1, 2, 3, 4].map(ceiling)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(ceiling(9)).toBe(RETRY_MAX_MS);
    expect(ceiling(1000)).toBe(RETRY_MAX_MS);
  });

  it('spreads retries between half and all of the pause', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempts, r) => {
          const ceiling = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (attempts - 1));
          const delay = retryDelayMs(attempts, () => r);
          expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
          expect(delay).toBeLessThanOrEqual(ceiling);
        },
      ),
    );
  });
});
