import { normalizePhoneNumber } from '@kontakta/domain';

/**
 * Mobile ranges by country calling code, as national significant numbers (after the country
 * code), from the national numbering plans. Codes are sent by SMS only to numbers in these
 * ranges of the countries an installation allows (KONTAKTA_SMS_ALLOWED_COUNTRIES): SMS pumping
 * makes its money on premium, satellite (+881, +882) and far-away numbers, which never match.
 * Another country is one line here, once its plan has been read (Denmark, for one, allocates
 * mobile numbers in scattered blocks, so it is not here yet).
 */
export const MOBILE_RANGES: Readonly<Record<string, RegExp>> = {
  // Sweden (PTS): 070, 072, 073, 076 and 079; 071 and 074 are machine and paging numbers.
  '46': /^7[02369]\d{7}$/,
  // Norway (Nkom): eight digits starting with 4 or 9.
  '47': /^[49]\d{7}$/,
  // Finland (Traficom): 04x and 050, five to eight digits after the prefix.
  '358': /^(4\d|50)\d{5,8}$/,
};

export type MobileRefusal = 'not-a-phone-number' | 'not-a-mobile-number' | 'country-not-allowed';

/**
 * A mobile number as people write it (`070-123 45 67`, `+46 (0)70 123 45 67`, `0046701234567`)
 * in E.164 (`+46701234567`), or why it cannot get a code: not a phone number, a number of a
 * country the installation does not send SMS to, or not in that country's mobile ranges.
 */
export function checkMobileNumber(
  written: string,
  allowedCountries: readonly string[],
): { ok: true; e164: string } | { ok: false; reason: MobileRefusal } {
  const e164 = normalizePhoneNumber(written);
  if (!e164) return { ok: false, reason: 'not-a-phone-number' };
  return checkSmsRecipient(e164, allowedCountries);
}

/** The same check for a number already in E.164 (e.g. stored before the rules changed). */
export function checkSmsRecipient(
  e164: string,
  allowedCountries: readonly string[],
): { ok: true; e164: string } | { ok: false; reason: Exclude<MobileRefusal, 'not-a-phone-number'> } {
  // Country calling codes are a prefix code: at most one can match.
  const country = allowedCountries.find((code) => e164.startsWith(`+${code}`));
  if (!country) return { ok: false, reason: 'country-not-allowed' };
  const range = MOBILE_RANGES[country];
  if (!range?.test(e164.slice(1 + country.length))) return { ok: false, reason: 'not-a-mobile-number' };
  return { ok: true, e164 };
}

/** Enough for the citizen to recognise their number, too little to learn it: `•••• •• 05`. */
export function maskMobileNumber(e164: string): string {
  return `•••• •• ${e164.slice(-2)}`;
}
