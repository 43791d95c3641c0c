import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { controlDigit } from './control-digit.ts';
import { Personnummer, STRICT_OPTIONS } from './personnummer-package.ts';

// Any real day of 1900–2099 written as YYMMDD, with or without the coordination offset of 60.
const stem = fc
  .record({
    date: fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    coordination: fc.boolean(),
    birthNumber: fc.integer({ min: 1, max: 999 }),
  })
  .map(({ date, coordination, birthNumber }) => {
    const iso = date.toISOString();
    const day = Number(iso.slice(8, 10)) + (coordination ? 60 : 0);
    return `${iso.slice(0, 4)}${iso.slice(5, 7)}${String(day).padStart(2, '0')}${String(birthNumber).padStart(3, '0')}`;
  });

describe('controlDigit', () => {
  it('gives the one digit the personnummer package accepts, and the package refuses the other nine', () => {
    fc.assert(
      fc.property(stem, (yyyymmddnnn) => {
        const digit = controlDigit(yyyymmddnnn.slice(2));
        for (let candidate = 0; candidate <= 9; candidate++) {
          expect(Personnummer.valid(`${yyyymmddnnn}${candidate}`, STRICT_OPTIONS)).toBe(candidate === digit);
        }
      }),
    );
  });

  it("matches Skatteverket's example 811218-9876", () => {
    expect(controlDigit('811218987')).toBe(6);
  });
});
