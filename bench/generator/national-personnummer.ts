import { makePersonnummer } from '@kontakta/domain';

// Numbering of the generated people: person number `index` ↔ one personnummer, both ways, so the
// benchmark's population register answers for millions of people without holding them in memory.
// Day of birth = index modulo the days from 1935 to 2007 (adults of 18–90), birth number = the
// quotient + 1. Birth numbers 1–950 are citizens, 951–999 staff.

const FIRST_BIRTH_DAY = Date.UTC(1935, 0, 1);
const DAY_MS = 86_400_000;
export const BIRTH_DAYS = Math.round((Date.UTC(2008, 0, 1) - FIRST_BIRTH_DAY) / DAY_MS);
const CITIZEN_BIRTH_NUMBERS = 950;
export const STAFF_FIRST_INDEX = BIRTH_DAYS * CITIZEN_BIRTH_NUMBERS;
export const MAX_CITIZENS = STAFF_FIRST_INDEX;

export function personnummerForIndex(index: number): string {
  const day = index % BIRTH_DAYS;
  const birthNumber = Math.floor(index / BIRTH_DAYS) + 1;
  if (birthNumber > 999) throw new RangeError(`person number ${index} is beyond what the numbering holds`);
  const birthDate = new Date(FIRST_BIRTH_DAY + day * DAY_MS).toISOString().slice(0, 10);
  const male = birthNumber % 2 === 1;
  return makePersonnummer({
    birthDate,
    sex: male ? 'male' : 'female',
    sequence: male ? (birthNumber - 1) / 2 : (birthNumber - 2) / 2,
  });
}

/** The person number behind a personnummer, or undefined when it is not one of ours. */
export function indexForPersonnummer(personnummer: string): number | undefined {
  if (!/^\d{12}$/.test(personnummer)) return undefined;
  const year = Number(personnummer.slice(0, 4));
  const month = Number(personnummer.slice(4, 6));
  const day = Number(personnummer.slice(6, 8));
  if (day > 31) return undefined;
  const days = Math.round((Date.UTC(year, month - 1, day) - FIRST_BIRTH_DAY) / DAY_MS);
  if (days < 0 || days >= BIRTH_DAYS) return undefined;
  const birthNumber = Number(personnummer.slice(8, 11));
  if (birthNumber < 1) return undefined;
  const index = (birthNumber - 1) * BIRTH_DAYS + days;
  return personnummerForIndex(index) === personnummer ? index : undefined;
}
