import {
  ACCOUNT_RULE,
  ADDRESS_RULE,
  accountThrottleKey,
  addressThrottleKey,
  lockAfter,
  THROTTLE_MEMORY_MS,
} from '../../identity/login-throttle.policy.ts';
import type { Database } from '../../storage/database.ts';
import {
  countLoginFailure,
  deleteForgottenLoginThrottles,
  deleteLoginThrottle,
  findLoginThrottles,
  lockLoginThrottle,
} from '../../storage/repositories/login-throttle.repository.ts';

export type ThrottleKeys = Readonly<{ account: string; address: string }>;

export function throttleKeys(personnummer: string, clientAddress: string): ThrottleKeys {
  return { account: accountThrottleKey(personnummer), address: addressThrottleKey(clientAddress) };
}

/** When the personnummer or the address may try again; 0 when they may now. */
export async function lockedUntil(database: Database, keys: ThrottleKeys, now: number): Promise<number> {
  const rows = await findLoginThrottles(database.db, [keys.account, keys.address]);
  return Math.max(0, ...rows.map((row) => (row.locked_until > now ? row.locked_until : 0)));
}

/** One more failure for both keys, and a lock where the count calls for one. */
export async function countFailure(database: Database, keys: ThrottleKeys, now: number): Promise<void> {
  await deleteForgottenLoginThrottles(database.db, now - THROTTLE_MEMORY_MS);
  for (const [key, rule] of [
    [keys.account, ACCOUNT_RULE],
    [keys.address, ADDRESS_RULE],
  ] as const) {
    const failures = await countLoginFailure(database.db, key, now, now - THROTTLE_MEMORY_MS);
    const lock = lockAfter(failures, rule);
    if (lock > 0) await lockLoginThrottle(database.db, key, now + lock);
  }
}

/** A completed login clears the account's count; the address keeps its own (one good login must not excuse many bad). */
export async function clearAccountFailures(database: Database, keys: ThrottleKeys): Promise<void> {
  await deleteLoginThrottle(database.db, keys.account);
}
