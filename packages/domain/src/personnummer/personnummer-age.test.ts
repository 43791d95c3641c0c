import { describe, expect, it } from 'vitest';
import { ageOn, dateOfBirthday, startOfBirthday } from './personnummer-age.ts';

const at = (iso: string) => new Date(iso);
const born = (birthDate: string) => ({ birthDate });

describe('ageOn: birthdays begin at midnight Stockholm time', () => {
  const child = born('2013-11-23');

  it('turns 13 at 23:00 UTC the evening before in winter (CET, UTC+1)', () => {
    expect(ageOn(child, at('2026-11-22T22:59:59.999Z'))).toBe(12);
    expect(ageOn(child, at('2026-11-22T23:00:00.000Z'))).toBe(13);
    expect(startOfBirthday(child, 13)).toEqual(at('2026-11-22T23:00:00.000Z'));
    expect(dateOfBirthday(child, 13)).toBe('2026-11-23');
  });

  it('turns a year older at 22:00 UTC the evening before in summer (CEST, UTC+2)', () => {
    const summerChild = born('2013-07-10');
    expect(startOfBirthday(summerChild, 13)).toEqual(at('2026-07-09T22:00:00.000Z'));
    expect(ageOn(summerChild, at('2026-07-09T21:59:59.999Z'))).toBe(12);
    expect(ageOn(summerChild, at('2026-07-09T22:00:00.000Z'))).toBe(13);
  });

  it('handles birthdays on the days the clocks change', () => {
    // Clocks go forward at 02:00 on 29 March 2026 and back at 03:00 on 25 October 2026.
    expect(startOfBirthday(born('2013-03-29'), 13)).toEqual(at('2026-03-28T23:00:00.000Z'));
    expect(startOfBirthday(born('2013-03-30'), 13)).toEqual(at('2026-03-29T22:00:00.000Z'));
    expect(startOfBirthday(born('2013-10-25'), 13)).toEqual(at('2026-10-24T22:00:00.000Z'));
    expect(startOfBirthday(born('2013-10-26'), 13)).toEqual(at('2026-10-25T23:00:00.000Z'));
  });

  it('counts whole years', () => {
    const person = born('1912-12-12');
    expect(ageOn(person, at('2026-06-15T10:00:00Z'))).toBe(113);
    expect(ageOn(person, at('2026-12-11T22:59:59Z'))).toBe(113);
    expect(ageOn(person, at('2026-12-11T23:00:00Z'))).toBe(114);
    expect(ageOn(person, at('1912-12-11T23:00:00Z'))).toBe(0); // the day of birth
  });

  it('is negative before birth', () => {
    expect(ageOn(born('2026-06-15'), at('2026-06-14T21:59:59Z'))).toBe(-1);
  });

  it('takes a ParsedPersonnummer as well as anything with a birth date', () => {
    const person = {
      kind: 'personnummer',
      canonical: '191212121212',
      display: '19121212-1212',
      birthDate: '1912-12-12',
      sex: 'male',
    } as const;
    expect(ageOn(person, at('2026-06-15T10:00:00Z'))).toBe(113);
  });
});

describe('29 February: a year older on 28 February in other years', () => {
  const leapling = born('2012-02-29');

  it('has its birthday on 28 February in common years and 29 February in leap years', () => {
    expect(dateOfBirthday(leapling, 12)).toBe('2024-02-29');
    expect(dateOfBirthday(leapling, 13)).toBe('2025-02-28');
    expect(dateOfBirthday(leapling, 14)).toBe('2026-02-28');
    expect(dateOfBirthday(born('1896-02-29'), 4)).toBe('1900-02-28'); // 1900 was not a leap year
    expect(dateOfBirthday(born('1996-02-29'), 4)).toBe('2000-02-29'); // 2000 was
  });

  it('turns 13 at midnight between 27 and 28 February 2025', () => {
    expect(ageOn(leapling, at('2025-02-27T22:59:59.999Z'))).toBe(12);
    expect(ageOn(leapling, at('2025-02-27T23:00:00.000Z'))).toBe(13);
    expect(ageOn(leapling, at('2025-03-01T12:00:00Z'))).toBe(13);
  });

  it('turns 12 on 29 February in the leap year, not earlier', () => {
    expect(ageOn(leapling, at('2024-02-28T22:59:59.999Z'))).toBe(11);
    expect(ageOn(leapling, at('2024-02-28T23:00:00.000Z'))).toBe(12);
  });
});

describe('argument errors are bugs and throw', () => {
  it('refuses an Invalid Date, a broken birth date and a fractional age', () => {
    expect(() => ageOn(born('2013-11-23'), new Date(Number.NaN))).toThrow(RangeError);
    expect(() => ageOn(born('2013-02-30'), at('2026-01-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => dateOfBirthday(born('not a date'), 13)).toThrow(RangeError);
    expect(() => dateOfBirthday(born('2013-11-23'), 1.5)).toThrow(RangeError);
  });
});
