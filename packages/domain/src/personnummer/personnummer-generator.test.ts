import { describe, expect, it } from 'vitest';
import { parsePersonnummer } from './personnummer.ts';
import { makePersonnummer } from './personnummer-generator.ts';

const ON = new Date('2026-06-15T10:00:00Z');

describe('makePersonnummer', () => {
  it('makes the well-known examples', () => {
    expect(makePersonnummer({ birthDate: '1912-12-12', sex: 'male', sequence: 60 })).toBe('191212121212');
    expect(makePersonnummer({ birthDate: '1912-12-12', sex: 'female', sequence: 60 })).toBe('191212121220');
  });

  it('writes day + 60 for a samordningsnummer', () => {
    const number = makePersonnummer({
      birthDate: '1990-03-12',
      sex: 'female',
      sequence: 20,
      kind: 'samordningsnummer',
    });
    expect(number).toBe('199003720423');
    expect(parsePersonnummer(number, ON)).toMatchObject({
      ok: true,
      value: { kind: 'samordningsnummer', birthDate: '1990-03-12' },
    });
  });

  it('covers the first and last birth number of each sex', () => {
    const day = '2000-01-01';
    expect(makePersonnummer({ birthDate: day, sex: 'male', sequence: 0 }).slice(8, 11)).toBe('001');
    expect(makePersonnummer({ birthDate: day, sex: 'male', sequence: 499 }).slice(8, 11)).toBe('999');
    expect(makePersonnummer({ birthDate: day, sex: 'female', sequence: 0 }).slice(8, 11)).toBe('002');
    expect(makePersonnummer({ birthDate: day, sex: 'female', sequence: 498 }).slice(8, 11)).toBe('998');
  });

  it('gives 999 different valid numbers for one day', () => {
    const numbers = new Set<string>();
    for (const sex of ['female', 'male'] as const) {
      for (let sequence = 0; sequence <= (sex === 'male' ? 499 : 498); sequence++) {
        const number = makePersonnummer({ birthDate: '2012-02-29', sex, sequence });
        const result = parsePersonnummer(number, ON);
        expect(result).toMatchObject({ ok: true, value: { sex, birthDate: '2012-02-29' } });
        numbers.add(number);
      }
    }
    expect(numbers.size).toBe(999);
  });

  it.each([
    { birthDate: '2013-02-29', sex: 'male', sequence: 0 },
    { birthDate: '1799-12-31', sex: 'male', sequence: 0 },
    { birthDate: '2100-01-01', sex: 'male', sequence: 0 },
    { birthDate: '20130101', sex: 'male', sequence: 0 },
    { birthDate: '2013-01-01', sex: 'male', sequence: 500 },
    { birthDate: '2013-01-01', sex: 'female', sequence: 499 },
    { birthDate: '2013-01-01', sex: 'female', sequence: -1 },
    { birthDate: '2013-01-01', sex: 'female', sequence: 1.5 },
  ] as const)('refuses %j', (spec) => {
    expect(() => makePersonnummer(spec)).toThrow(RangeError);
  });
});
