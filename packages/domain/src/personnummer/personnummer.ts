import { controlDigit } from './control-digit.ts';
import { INTERIM_OPTIONS, Personnummer } from './personnummer-package.ts';
import { isCalendarDate, stockholmDate, toIsoDate } from './stockholm-calendar.ts';

// Swedish personal identity numbers (folkbokföringslagen 18 §) and coordination numbers (18 a §).
// The `personnummer` package knows interim numbers and is the tests' oracle for the checksum; this
// module adds what it lacks: a reference date instead of the system clock, a reason for every
// refusal, and no exceptions on the way (it runs on every login and proxy check).

export type PersonnummerKind = 'personnummer' | 'samordningsnummer';
export type LegalSex = 'female' | 'male';

export type ParsedPersonnummer = {
  readonly kind: PersonnummerKind;
  /** `YYYYMMDDNNNC`, no separator: the stored form. */
  readonly canonical: string;
  /** `YYYYMMDD-NNNC`, for people to read. */
  readonly display: string;
  /** ISO `YYYY-MM-DD`; for a samordningsnummer the real day (the written day minus 60). */
  readonly birthDate: string;
  /** From the second to last digit: odd for men, even for women. */
  readonly sex: LegalSex;
};

export const PERSONNUMMER_REFUSALS = [
  /** Not an identity number at all: empty, wrong length, stray characters, birth number 000. */
  'format',
  /** A region's reserve identity (reservnummer): letters in the last four, or a century no personnummer has. */
  'reserve-number',
  /** An interim number (letter first in the birth number, valid checksum). */
  'interim-number',
  /** No such calendar day (also for a coordination day that is not a real day + 60). */
  'invalid-date',
  /** Born after the reference date, as written. */
  'future-date',
  /** The control digit does not match. */
  'checksum',
] as const;
export type PersonnummerRefusal = (typeof PERSONNUMMER_REFUSALS)[number];

export type PersonnummerParseResult =
  | { readonly ok: true; readonly value: ParsedPersonnummer }
  | { readonly ok: false; readonly reason: PersonnummerRefusal };

// Longest written form is 13 characters; allow surrounding whitespace, refuse anything huge unread.
const MAX_INPUT_LENGTH = 64;
const WRITTEN_FORM = /^([0-9]{2})?([0-9]{2})([0-9]{2})([0-9]{2})([-+]?)([0-9A-Za-z]{4})$/;
const DIGITS = /^[0-9]{4}$/;
const INTERIM_TAIL = /^[TRSUWXJKLMN][0-9]{3}$/;
const CENTURIES = new Set(['18', '19', '20']);
const COORDINATION_DAY_OFFSET = 60;

function refuse(reason: PersonnummerRefusal): PersonnummerParseResult {
  return { ok: false, reason };
}

/**
 * Reads any written form: `YYMMDD-NNNC`, `YYMMDD+NNNC`, `YYMMDDNNNC`, `YYYYMMDD-NNNC`, `YYYYMMDDNNNC`
 * (surrounding whitespace ignored). `on` is the reference instant: the 10-digit forms get their
 * century from its year in Sweden (`-`: born that year or in the 99 before it; `+`: turns 100 that
 * year or earlier, since the law swaps the separator in the year one turns 100), and no one may be
 * born after its date. Never throws for any string; throws RangeError for an Invalid Date.
 */
export function parsePersonnummer(input: string, on: Date): PersonnummerParseResult {
  const today = stockholmDate(on);
  if (typeof input !== 'string' || input.length > MAX_INPUT_LENGTH) return refuse('format');
  const match = WRITTEN_FORM.exec(input.trim());
  if (!match) return refuse('format');
  const [, century, yy = '', mm = '', dd = '', separator, tail = ''] = match;

  // Region Stockholm's reserve numbers start with 99 (99yyyyNNNNNC); no one has a personnummer from then.
  if (century !== undefined && !CENTURIES.has(century)) return refuse('reserve-number');
  const referenceYear = Number(today.slice(0, 4));
  const fullYear =
    century === undefined ? inferYear(Number(yy), separator === '+', referenceYear) : Number(century + yy);
  const written12 = `${String(fullYear).padStart(4, '0')}${mm}${dd}`;

  if (!DIGITS.test(tail)) {
    // Socialstyrelsen recommends a real birth date and a letter in the last four for reserve numbers;
    // an interim number has the same shape but a valid checksum, which the package knows.
    const interim = INTERIM_TAIL.test(tail) && Personnummer.valid(written12 + tail, INTERIM_OPTIONS);
    return refuse(interim ? 'interim-number' : 'reserve-number');
  }
  // A 12-digit form needs no separator; a `+` there must at least agree with the century.
  if (century !== undefined && separator === '+' && referenceYear - fullYear < 100) return refuse('format');

  const month = Number(mm);
  const writtenDay = Number(dd);
  const isCoordination = writtenDay > COORDINATION_DAY_OFFSET;
  const day = isCoordination ? writtenDay - COORDINATION_DAY_OFFSET : writtenDay;
  if (!isCalendarDate(fullYear, month, day)) return refuse('invalid-date');
  const birthDate = toIsoDate(fullYear, month, day);
  if (birthDate > today) return refuse('future-date');
  if (tail.startsWith('000')) return refuse('format');

  const canonical = written12 + tail;
  if (controlDigit(canonical.slice(2, 11)) !== Number(canonical[11])) return refuse('checksum');
  return {
    ok: true,
    value: {
      kind: isCoordination ? 'samordningsnummer' : 'personnummer',
      canonical,
      display: `${written12}-${tail}`,
      birthDate,
      sex: Number(canonical[10]) % 2 === 1 ? 'male' : 'female',
    },
  };
}

// The latest year ending in `yy` that is at most the reference year (`-`) or 100 years before it (`+`).
function inferYear(yy: number, hundredOrOlder: boolean, referenceYear: number): number {
  const latest = hundredOrOlder ? referenceYear - 100 : referenceYear;
  return latest - ((((latest - yy) % 100) + 100) % 100);
}

/**
 * The 10-digit form Skatteverket prints (`YYMMDD-NNNC`, or `YYMMDD+NNNC` from the year the person
 * turns 100), as of the reference instant `on`.
 */
export function shortPersonnummer(personnummer: ParsedPersonnummer, on: Date): string {
  const { canonical } = personnummer;
  const referenceYear = Number(stockholmDate(on).slice(0, 4));
  const separator = referenceYear - Number(canonical.slice(0, 4)) >= 100 ? '+' : '-';
  return `${canonical.slice(2, 8)}${separator}${canonical.slice(8)}`;
}
