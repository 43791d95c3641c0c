import { createHmac, createSecretKey, hkdfSync, type KeyObject, timingSafeEqual } from 'node:crypto';
import type { KeyRing } from './envelope.ts';

/**
 * Keyed hashes (HMAC-SHA256) for values that must be compared but never stored readable:
 * one-time codes, the keys of login throttles and message limits, request fingerprints. A plain
 * or salted hash of a six-digit code, or of a personnummer, is reversed from a stolen row in
 * milliseconds by trying every value; an HMAC cannot be tried without its secret, which never
 * touches the database.
 *
 * The secret is derived (HKDF-SHA256) from a master key with a fixed `info` per purpose, so there
 * is no second secret for operators to keep away from the backups, and each purpose's key is
 * independent of the master key and of the others (a leaked HMAC key opens no errand).
 * Rotation: a value that must verify later carries the id of the master key it was made under
 * (verifiableHash), so a code sent just before `kontakta keys add` still works; a value that is
 * only looked up (lookupHash) uses the current key, so rotating the master key starts those
 * counters over — harmless, and only the operator can rotate the key.
 */

// HKDF per call would be cheap, but codes and throttles are checked on every login attempt; a
// KeyObject also spares OpenSSL importing the raw key on every HMAC (~14 µs of ~17).
const derived = new WeakMap<Buffer, Map<string, KeyObject>>();

function secret(master: Buffer, purpose: string): KeyObject {
  let byPurpose = derived.get(master);
  if (!byPurpose) {
    byPurpose = new Map();
    derived.set(master, byPurpose);
  }
  let key = byPurpose.get(purpose);
  if (!key) {
    key = createSecretKey(Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `kontakta/v1/hmac/${purpose}`, 32)));
    byPurpose.set(purpose, key);
  }
  return key;
}

/** Hex HMAC of `value` under the master key `keyId` for `purpose`; undefined when that key is not loaded. */
export function keyedHash(ring: KeyRing, keyId: string, purpose: string, value: string): string | undefined {
  const master = ring.keys.get(keyId);
  if (!master) return undefined;
  return createHmac('sha256', secret(master, purpose)).update(value, 'utf8').digest('hex');
}

function currentHash(ring: KeyRing, purpose: string, value: string): string {
  const hash = keyedHash(ring, ring.currentId, purpose, value);
  if (hash === undefined) throw new Error(`The current master key "${ring.currentId}" is not loaded.`);
  return hash;
}

/** An HMAC under the current master key, for lookups only (it changes when the key rotates). */
export function lookupHash(ring: KeyRing, purpose: string, value: string): string {
  return currentHash(ring, purpose, value);
}

/** `<master key id>:<hex HMAC>`, checked later with keyedHashMatches, across a key rotation. */
export function verifiableHash(ring: KeyRing, purpose: string, value: string): string {
  return `${ring.currentId}:${currentHash(ring, purpose, value)}`;
}

/** Whether `value` is what `stored` was made from; false for a key no longer loaded, or any other format. */
export function keyedHashMatches(ring: KeyRing, purpose: string, value: string, stored: string): boolean {
  const separator = stored.lastIndexOf(':');
  const actual = separator > 0 ? keyedHash(ring, stored.slice(0, separator), purpose, value) : undefined;
  const expected = Buffer.from(stored.slice(separator + 1), 'hex');
  if (actual === undefined || expected.length !== 32) return false;
  return timingSafeEqual(Buffer.from(actual, 'hex'), expected);
}
