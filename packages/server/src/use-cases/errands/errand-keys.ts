import { deletionEpochOf } from '@kontakta/domain';
import { DELETION_KEY_PREFIX } from '../../encryption/deletion-keys.ts';
import { unwrapDataKey, unwrapKeyWith, wrapKeyWith } from '../../encryption/envelope.ts';
import { AppError } from '../app-error.ts';
import type { Services } from '../services.ts';

// An errand's data key is wrapped under the deletion key of the month it expires in
// (`deletion:YYYY-MM`); that key is wrapped under a master key, outside the database. Errands
// written before retention existed have their key wrapped under a master key directly until the
// retention job moves them to their month.

type WrappedKey = { wrapped_key: Uint8Array; key_id: string };
type Keys = Pick<Services, 'keys' | 'deletionKeys'>;

/** Wraps a data key under the deletion key of the month `expiresAt` falls in. */
export function wrapErrandKey(services: Keys, key: Buffer, expiresAt: number): WrappedKey {
  const epoch = deletionEpochOf(expiresAt);
  const keyId = `${DELETION_KEY_PREFIX}${epoch}`;
  return { wrapped_key: wrapKeyWith(services.deletionKeys.keyFor(epoch, services.keys), keyId, key), key_id: keyId };
}

/**
 * The errand's data key. When the month's deletion key was destroyed (a database restored from a
 * backup taken before retention deleted the errand) the errand is gone, and says so: 410.
 */
export function openErrandKey(services: Keys, row: WrappedKey): Buffer {
  const wrapped = Buffer.from(row.wrapped_key);
  if (!row.key_id.startsWith(DELETION_KEY_PREFIX)) return unwrapDataKey(services.keys, { wrapped, keyId: row.key_id });
  const kek = services.deletionKeys.find(row.key_id.slice(DELETION_KEY_PREFIX.length), services.keys);
  if (!kek) throw new AppError('errand-deleted', 'deletion-key-destroyed');
  return unwrapKeyWith(kek, row.key_id, wrapped);
}

/** The key re-wrapped for a new expiry, or undefined when it stays in the same month. */
export function rewrapErrandKeyFor(services: Keys, row: WrappedKey, expiresAt: number): WrappedKey | undefined {
  if (row.key_id === `${DELETION_KEY_PREFIX}${deletionEpochOf(expiresAt)}`) return undefined;
  return wrapErrandKey(services, openErrandKey(services, row), expiresAt);
}
