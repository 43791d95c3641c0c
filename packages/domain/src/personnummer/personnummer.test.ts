import { describe, expect, it } from 'vitest';
import {
  PERSONNUMMER_REFUSALS,
  type PersonnummerRefusal,
  parsePersonnummer,
  shortPersonnummer,
} from './personnummer.ts';

// Mid-June 2026 in Stockholm; the 10-digit examples below depend on the reference year.
const ON = new Date('2026-06-15T10:00:00Z');

function parsed(input: string, on = ON) {
  const result = parsePersonnummer(input, on);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to parse, got ${result.reason}`);
  return result.value;
}

function reason(input: string, on = ON): PersonnummerRefusal | undefined {
  const result = parsePersonnummer(input, on);
  return result.ok ? undefined : result.reason;
}

describe('parsePersonnummer: well-known examples', () => {
  it('reads the 12-digit form with a hyphen', () => {
    expect(parsed('19121212-1212')).toEqual({
      kind: 'personnummer',
      canonical: '191212121212',
      display: '19121212-1212',
      birthDate: '1912-12-12',
      sex: 'male',
    });
  });

  it.each(['191212121212', '19121212-1212', '19121212+1212', '121212+1212', ' 121212+1212 ', '\t191212121212\n'])(
    '%j is 1912-12-12',
    (input) => {
      expect(parsed(input).canonical).toBe('191212121212');
    },
  );

  it('takes the century of a 10-digit form from the separator and the reference year', () => {
    expect(parsed('121212-1212').birthDate).toBe('2012-12-12');
    expect(parsed('1212121212').birthDate).toBe('2012-12-12');
    expect(parsed('121212+1212').birthDate).toBe('1912-12-12');
    // In 1990 a `-` reaches back no further than 1891, so 12 is 1912.
    expect(parsed('121212-1212', new Date('1990-06-01T12:00:00Z')).birthDate).toBe('1912-12-12');
    expect(parsed('121212+1212', new Date('2030-06-01T12:00:00Z')).birthDate).toBe('1912-12-12');
  });

  it('changes to `+` on 1 January of the year the person turns 100, Stockholm time', () => {
    // 19261231-…: turns 100 on 31 December 2026, but is written with `+` all through 2026.
    const canonical = '192612319273';
    expect(parsed(canonical).canonical).toBe(canonical);
    expect(parsed('261231+9273').canonical).toBe(canonical);
    expect(reason('261231-9273')).toBe('future-date'); // `-` in 2026 means born in 2026
    expect(parsed('261231-9273', new Date('2025-12-31T22:59:59Z')).canonical).toBe(canonical); // 23:59 on 31 Dec 2025
    expect(parsed('261231+9273', new Date('2025-12-31T23:00:00Z')).canonical).toBe(canonical); // 00:00 on 1 Jan 2026
  });

  it('reads sex from the second to last digit', () => {
    expect(parsed('19121212-1212').sex).toBe('male');
    expect(parsed('19121212-1220').sex).toBe('female');
    expect(parsed('20131123-0849').sex).toBe('female');
  });

  it('recognises a samordningsnummer (day + 60) and gives the real birth date', () => {
    expect(parsed('19900372-0423')).toEqual({
      kind: 'samordningsnummer',
      canonical: '199003720423',
      display: '19900372-0423',
      birthDate: '1990-03-12',
      sex: 'female',
    });
    expect(parsed('701063-2391')).toMatchObject({ kind: 'samordningsnummer', birthDate: '1970-10-03', sex: 'male' });
  });

  it('accepts 29 February only in leap years', () => {
    expect(parsed('20120229-0258').birthDate).toBe('2012-02-29');
    expect(reason('19000229-0258')).toBe('invalid-date'); // 1900 was not a leap year
  });

  it('accepts someone born today but not tomorrow (Stockholm date)', () => {
    const lateEvening = new Date('2026-06-14T22:30:00Z'); // already 15 June in Stockholm
    expect(reason('20260615-1234', lateEvening)).not.toBe('future-date');
    expect(reason('20260616-1234', lateEvening)).toBe('future-date');
  });
});

describe('parsePersonnummer: refusals', () => {
  it.each<[string, PersonnummerRefusal]>([
    ['19121212-1213', 'checksum'],
    ['1212121213', 'checksum'],
    ['19121212-1202', 'checksum'],
    ['19990230-1234', 'invalid-date'],
    ['19990231-1234', 'invalid-date'],
    ['19991301-1234', 'invalid-date'],
    ['19990001-1234', 'invalid-date'],
    ['19990100-1234', 'invalid-date'],
    ['19990132-1234', 'invalid-date'],
    ['19990160-1234', 'invalid-date'], // day 0 + 60
    ['19990292-1234', 'invalid-date'], // 32 February + 60
    ['19990289-1234', 'invalid-date'], // 29 February 1999 + 60
    ['20270101-1234', 'future-date'],
    ['19121212-0002', 'format'], // birth number 000 is never given
    ['', 'format'],
    ['   ', 'format'],
    ['19121212121', 'format'], // 11 digits
    ['1912121212121', 'format'], // 13 digits
    ['19121212--1212', 'format'],
    ['19121212 1212', 'format'],
    ['191212-121212', 'format'],
    ['19121212_1212', 'format'],
    ['19121212–1212', 'format'], // en dash
    ['１９１２１２１２-１２１２', 'format'], // full-width digits
    ['١٩١٢١٢١٢-١٢١٢', 'format'], // Arabic-Indic digits
    ['19121212-1212\u0000', 'format'],
    ['\u000019121212-1212', 'format'],
    ['1912\u00001212-1212', 'format'],
    ['abcdefghij', 'format'],
    ['1912121A-1212', 'format'],
    ['20121212+1212', 'format'], // `+` for a 13-year-old
    ['19121212-121A', 'reserve-number'],
    ['19810829M071', 'reserve-number'], // Västra Götaland
    ['19450829K088', 'reserve-number'],
    ['19810829SU3A', 'reserve-number'], // Värmland
    ['19810829-ab12', 'reserve-number'],
    ['810829XXXX', 'reserve-number'],
    ['991981000010', 'reserve-number'], // Region Stockholm: 99 + year + serial
    ['171212121212', 'reserve-number'],
    ['211212121212', 'reserve-number'],
    ['19810829T124', 'interim-number'],
    ['810829-T124', 'interim-number'],
  ])('%j is refused as %s', (input, expected) => {
    expect(reason(input)).toBe(expected);
  });

  it('refuses huge input without reading it', () => {
    expect(reason('1'.repeat(1_000_000))).toBe('format');
    expect(reason(`19121212-1212${' '.repeat(100)}`)).toBe('format');
    expect(reason(`${'\u0000'.repeat(10_000)}19121212-1212`)).toBe('format');
  });

  it('gives a reason for input of the wrong type instead of throwing', () => {
    for (const input of [undefined, null, 191212121212, {}, ['19121212-1212']]) {
      expect(reason(input as unknown as string)).toBe('format');
    }
  });

  it('throws for an invalid reference date: that is a bug, not input', () => {
    expect(() => parsePersonnummer('19121212-1212', new Date(Number.NaN))).toThrow(RangeError);
  });

  it('lists every reason', () => {
    expect(new Set(PERSONNUMMER_REFUSALS).size).toBe(PERSONNUMMER_REFUSALS.length);
  });
});

describe('shortPersonnummer', () => {
  it('writes `-` before the year the person turns 100 and `+` from then on', () => {
    const person = parsed('19261231-9273');
    expect(shortPersonnummer(person, new Date('2025-12-31T22:59:59Z'))).toBe('261231-9273');
    expect(shortPersonnummer(person, new Date('2025-12-31T23:00:00Z'))).toBe('261231+9273');
    expect(shortPersonnummer(parsed('20121212-1212'), ON)).toBe('121212-1212');
  });
});
