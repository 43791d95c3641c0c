import type { KeyRing } from '../../encryption/envelope.ts';
import {
  ACCOUNT_RULE,
  ADDRESS_RULE,
  accountThrottleKey,
  addressThrottleKey,
  countsForAccount,
  lockAfter,
  PAIR_RULE,
  pairThrottleKey,
  THROTTLE_MEMORY_MS,
  type ThrottleRule,
} from '../../identity/login-throttle.policy.ts';
import type { Database } from '../../storage/database.ts';
import {
  countLoginFailure,
  deleteForgottenLoginThrottles,
  deleteLoginThrottle,
  findLoginThrottles,
  lockLoginThrottle,
} from '../../storage/repositories/login-throttle.repository.ts';

/** The three counters one attempt is judged by (see login-throttle.policy.ts). */
export type ThrottleKeys = Readonly<{ pair: string; account: string; address: string }>;

export function throttleKeys(keys: KeyRing, personnummer: string, clientAddress: string): ThrottleKeys {
  return {
    pair: pairThrottleKey(keys, personnummer, clientAddress),
    account: accountThrottleKey(keys, personnummer),
    address: addressThrottleKey(keys, clientAddress),
  };
}

/** When this address may try this personnummer again; 0 when it may now. */
export async function lockedUntil(database: Database, keys: ThrottleKeys, now: number): Promise<number> {
  const rows = await findLoginThrottles(database.db, [keys.pair, keys.account, keys.address]);
  return Math.max(0, ...rows.map((row) => (row.locked_until > now ? row.locked_until : 0)));
}

/** One more failure for the address on the personnummer and for the address; for the personnummer while the address is within its allowance. */
export async function countFailure(database: Database, keys: ThrottleKeys, now: number): Promise<void> {
  await deleteForgottenLoginThrottles(database.db, now - THROTTLE_MEMORY_MS);
  const count = async (key: string, rule: ThrottleRule) => {
    const failures = await countLoginFailure(database.db, key, now, now - THROTTLE_MEMORY_MS);
    const lock = lockAfter(failures, rule);
    if (lock > 0) await lockLoginThrottle(database.db, key, now + lock);
    return failures;
  };
  const pairFailures = await count(keys.pair, PAIR_RULE);
  await count(keys.address, ADDRESS_RULE);
  if (countsForAccount(pairFailures)) await count(keys.account, ACCOUNT_RULE);
}

/** A completed login clears the personnummer's counts; the address keeps its own (one good login must not excuse many bad). */
export async function clearAccountFailures(database: Database, keys: ThrottleKeys): Promise<void> {
  await deleteLoginThrottle(database.db, keys.pair);
  await deleteLoginThrottle(database.db, keys.account);
}
