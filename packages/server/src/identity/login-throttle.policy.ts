import type { KeyRing } from '../encryption/envelope.ts';
import { lookupHash } from '../encryption/keyed-hash.ts';

// Backoff after failed logins (wrong password or wrong code), counted three ways, each with a
// pause that doubles from a minute up to an hour and is forgotten after a day without failures:
//
// - per personnummer *and* client address: someone guessing from one address is slowed down
//   on that account, and nobody else is;
// - per client address, over all personnummer: one address cannot try many accounts;
// - per personnummer, over all addresses: against guessing spread over many addresses. It counts
//   only failures an address makes within its own free allowance, so that one address adds at
//   most PAIR_RULE.freeFailures to it: an attacker at one address can never lock the owner, who
//   comes from another, out of their password login (the old single per-personnummer lock
//   could be renewed for ever by one wrong guess an hour). Only many addresses together can
//   slow the owner down, and then only for a while.
//
// Every key is counted whether or not the personnummer has an account (answers tell nothing),
// and e-ID login is never affected.

export type ThrottleRule = Readonly<{ freeFailures: number; firstLockMs: number; maxLockMs: number }>;

const MINUTE = 60_000;

/** One address on one personnummer: 5 failures free, then 1, 2, 4 … minutes, at most 60. */
export const PAIR_RULE: ThrottleRule = { freeFailures: 5, firstLockMs: MINUTE, maxLockMs: 60 * MINUTE };
/** An address may be shared (a household, a care home's Wi-Fi), so it gets more room. */
export const ADDRESS_RULE: ThrottleRule = { freeFailures: 20, firstLockMs: MINUTE, maxLockMs: 60 * MINUTE };
/** A personnummer from any addresses: at least four addresses' free failures before any pause. */
export const ACCOUNT_RULE: ThrottleRule = { freeFailures: 20, firstLockMs: MINUTE, maxLockMs: 60 * MINUTE };

/** A counter with no new failure for a day starts over. */
export const THROTTLE_MEMORY_MS = 24 * 60 * MINUTE;

/** How long to lock after the `failures`-th consecutive failure; 0 for none. */
export function lockAfter(failures: number, rule: ThrottleRule): number {
  if (failures < rule.freeFailures) return 0;
  const doublings = Math.min(failures - rule.freeFailures, 20);
  return Math.min(rule.firstLockMs * 2 ** doublings, rule.maxLockMs);
}

/** Whether the `pairFailures`-th failure of one address on a personnummer counts for the personnummer too. */
export function countsForAccount(pairFailures: number): boolean {
  return pairFailures <= PAIR_RULE.freeFailures;
}

// Throttle keys never hold a personnummer or an address in the clear, and are HMACs, not bare
// hashes: a personnummer has some 10^7 plausible values, which a stolen table would give up
// in seconds. The secret is the master key's (see encryption/keyed-hash.ts); rotating it
// starts the counters over.
const PURPOSE = 'login-throttle';

export function accountThrottleKey(keys: KeyRing, personnummer: string): string {
  return `account:${lookupHash(keys, PURPOSE, `account\n${personnummer}`)}`;
}

export function addressThrottleKey(keys: KeyRing, address: string): string {
  return `address:${lookupHash(keys, PURPOSE, `address\n${address}`)}`;
}

export function pairThrottleKey(keys: KeyRing, personnummer: string, address: string): string {
  return `pair:${lookupHash(keys, PURPOSE, `pair\n${personnummer}\n${address}`)}`;
}
