import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const CODE_VALID_MS = 5 * 60_000;
export const CODE_MAX_WRONG_TRIES = 5;
/** "Send a new code": at most this many new codes per login, and not more often than this. */
export const CODE_MAX_RESENDS = 3;
export const CODE_RESEND_INTERVAL_MS = 30_000;

/** Six digits from the operating system's CSPRNG (about 20 bits, as ASVS asks of an SMS code). */
export function newOneTimeCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function newCodeSalt(): string {
  return randomBytes(16).toString('base64url');
}

/** Codes are stored hashed with a salt of their own; the SMS is the only place the digits exist. */
export function hashOneTimeCode(code: string, salt: string): string {
  return createHash('sha256').update(`${salt}:${code}`).digest('hex');
}

export function oneTimeCodeMatches(code: string, salt: string, expectedHash: string): boolean {
  const actual = Buffer.from(hashOneTimeCode(code, salt), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
