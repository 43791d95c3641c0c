import { randomInt } from 'node:crypto';
import type { KeyRing } from '../encryption/envelope.ts';
import { keyedHashMatches, verifiableHash } from '../encryption/keyed-hash.ts';

export const CODE_VALID_MS = 5 * 60_000;
export const CODE_MAX_WRONG_TRIES = 5;
/** "Send a new code": at most this many new codes per login, and not more often than this. */
export const CODE_MAX_RESENDS = 3;
export const CODE_RESEND_INTERVAL_MS = 30_000;

const PURPOSE = 'one-time-code';

/** Six digits from the operating system's CSPRNG (about 20 bits, as ASVS asks of an SMS code). */
export function newOneTimeCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * What is stored of a code: an HMAC under a secret derived from the master key (see
 * encryption/keyed-hash.ts), never the digits. A salted hash would not do: a million candidates
 * are tried against a stolen row in milliseconds. `context` binds the code to what it is for (the
 * login, or the citizen and address being confirmed), so a stored hash means nothing elsewhere.
 */
export function hashOneTimeCode(keys: KeyRing, code: string, context: string): string {
  return verifiableHash(keys, PURPOSE, `${context}\n${code}`);
}

export function oneTimeCodeMatches(keys: KeyRing, code: string, context: string, stored: string): boolean {
  return keyedHashMatches(keys, PURPOSE, `${context}\n${code}`, stored);
}

/** A login code belongs to one pending login (the hash of the token its browser holds). */
export function loginCodeContext(challengeTokenHash: string): string {
  return `login\n${challengeTokenHash}`;
}

/** A confirmation code belongs to one citizen's one address on one channel. */
export function contactCodeContext(citizenId: string, channel: 'email' | 'mobile', address: string): string {
  return `contact\n${citizenId}\n${channel}\n${address}`;
}

/** A confirmation code for a staff member's assignment e-mail address (never a citizen's: the prefix differs). */
export function staffContactCodeContext(staffHsaId: string, address: string): string {
  return `staff-contact\n${staffHsaId}\nemail\n${address}`;
}
