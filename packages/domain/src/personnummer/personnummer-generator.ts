import { controlDigit } from './control-digit.ts';
import type { LegalSex, PersonnummerKind } from './personnummer.ts';
import { isCalendarDate } from './stockholm-calendar.ts';

// Valid numbers for test and demonstration data (and the benchmark's national register, which
// makes one per lookup).

export type PersonnummerSpec = {
  /** ISO `YYYY-MM-DD`, years 1800–2099. */
  readonly birthDate: string;
  readonly sex: LegalSex;
  /**
   * Which of that day's birth numbers for that sex, from 0: women 0–498 (002, 004 … 998), men 0–499
   * (001, 003 … 999), the 499 and 500 numbers Skatteverket has per day and sex.
   */
  readonly sequence: number;
  /** Default `personnummer`; a `samordningsnummer` writes the day plus 60. */
  readonly kind?: PersonnummerKind;
};

/** A valid number in the canonical 12-digit form. Throws RangeError for a spec outside the ranges above. */
export function makePersonnummer(spec: PersonnummerSpec): string {
  const [year = Number.NaN, month = Number.NaN, day = Number.NaN] = spec.birthDate.split('-').map(Number);
  if (!isCalendarDate(year, month, day) || year < 1800 || year > 2099) {
    throw new RangeError(`Birth date must be a real date in 1800–2099: ${spec.birthDate}`);
  }
  const last = spec.sex === 'male' ? 499 : 498;
  if (!Number.isInteger(spec.sequence) || spec.sequence < 0 || spec.sequence > last) {
    throw new RangeError(`Sequence for ${spec.sex} must be 0–${last}: ${spec.sequence}`);
  }
  const birthNumber = spec.sex === 'male' ? 2 * spec.sequence + 1 : 2 * spec.sequence + 2;
  const writtenDay = spec.kind === 'samordningsnummer' ? day + 60 : day;
  const stem = `${year}${pad(month)}${pad(writtenDay)}${String(birthNumber).padStart(3, '0')}`;
  return `${stem}${controlDigit(stem.slice(2))}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
