import { type CalendarDate, isValidPersonnummer } from '@kontakta/domain';
import type { Personnummer as PersonnummerString } from '../register.types.ts';
import { compactDate } from './calendar.ts';
import type { Random } from './seeded-random.ts';

export type Sex = 'female' | 'male';

export type PersonnummerMaker = Readonly<{
  /** A valid personnummer not handed out before, born on `birth`; the ninth digit tells the sex. */
  make(birth: CalendarDate, sex: Sex, options?: { coordination?: boolean }): PersonnummerString;
  /** Reserves a fixed, known number (e.g. a well-known test person) so it is never made again. */
  reserve(personnummer: PersonnummerString): PersonnummerString;
}>;

/**
 * Makes unique personnummer for demo people. The check digit is found by asking the
 * personnummer package which of 0–9 it accepts, so no checksum code of our own can be wrong.
 */
export function personnummerMaker(random: Random): PersonnummerMaker {
  const used = new Set<string>();

  return {
    make(birth, sex, { coordination = false } = {}) {
      // A coordination number (samordningsnummer) adds 60 to the day of birth.
      const date = compactDate(coordination ? { ...birth, day: birth.day + 60 } : birth);
      const start = random.below(900);
      for (let step = 0; step < 900; step++) {
        const serial = 100 + ((start + step) % 900);
        // The serial's last digit (the ninth of ten) is odd for men and even for women.
        if (serial % 2 !== (sex === 'male' ? 1 : 0)) continue;
        for (let check = 0; check <= 9; check++) {
          const candidate = `${date}${serial}${check}`;
          if (!used.has(candidate) && isValidPersonnummer(candidate)) {
            used.add(candidate);
            return candidate;
          }
        }
      }
      throw new Error(`no personnummer left for ${date}`);
    },
    reserve(personnummer) {
      if (!isValidPersonnummer(personnummer)) throw new Error('not a valid personnummer');
      if (used.has(personnummer)) throw new Error('personnummer already handed out');
      used.add(personnummer);
      return personnummer;
    },
  };
}
