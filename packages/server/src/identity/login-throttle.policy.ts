import { createHash } from 'node:crypto';

// Backoff after consecutive failed logins (wrong password or wrong code). Counted per
// personnummer, whether or not it has an account (so answers tell nothing), and per client
// address. The lock only ever lasts an hour: an attacker who knows someone's personnummer can
// slow their password login down, never shut it, and e-ID is not affected at all.

export type ThrottleRule = Readonly<{ freeFailures: number; firstLockMs: number; maxLockMs: number }>;

const MINUTE = 60_000;

/** 5 failures free, then 1, 2, 4 … minutes, at most 60: some 30 guesses a day per account. */
export const ACCOUNT_RULE: ThrottleRule = { freeFailures: 5, firstLockMs: MINUTE, maxLockMs: 60 * MINUTE };
/** An address may be shared (a household, a care home's Wi-Fi), so it gets more room. */
export const ADDRESS_RULE: ThrottleRule = { freeFailures: 20, firstLockMs: MINUTE, maxLockMs: 60 * MINUTE };

/** A counter with no new failure for a day starts over. */
export const THROTTLE_MEMORY_MS = 24 * 60 * MINUTE;

/** How long to lock after the `failures`-th consecutive failure; 0 for none. */
export function lockAfter(failures: number, rule: ThrottleRule): number {
  if (failures < rule.freeFailures) return 0;
  const doublings = Math.min(failures - rule.freeFailures, 20);
  return Math.min(rule.firstLockMs * 2 ** doublings, rule.maxLockMs);
}

/** Throttle keys never hold a personnummer or an address in the clear. */
export function accountThrottleKey(personnummer: string): string {
  return `account:${createHash('sha256').update(`kontakta-login:${personnummer}`).digest('hex')}`;
}

export function addressThrottleKey(address: string): string {
  return `address:${createHash('sha256').update(`kontakta-login:${address}`).digest('hex')}`;
}
