import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';

/**
 * Envelope encryption: every errand has its own data key (AES-256-GCM); the data key is stored
 * wrapped (encrypted) by a master key that never touches the database. Rotating the master key
 * re-wraps data keys without touching content; deleting an errand's wrapped key shreds every
 * copy of its content, backups included.
 */

export type KeyRing = Readonly<{ currentId: string; keys: ReadonlyMap<string, Buffer> }>;

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type WrappedDataKey = { wrapped: Buffer; keyId: string };

export function newDataKey(ring: KeyRing): { key: Buffer } & WrappedDataKey {
  const key = randomBytes(32);
  return { key, ...wrapDataKey(ring, key) };
}

export function wrapDataKey(ring: KeyRing, key: Buffer): WrappedDataKey {
  const master = masterKey(ring, ring.currentId);
  // The key id is authenticated too, so a wrapped key cannot be passed off under another id.
  return { wrapped: seal(master, key, Buffer.from(`kek:${ring.currentId}`)), keyId: ring.currentId };
}

export function unwrapDataKey(ring: KeyRing, { wrapped, keyId }: WrappedDataKey): Buffer {
  return open(masterKey(ring, keyId), wrapped, Buffer.from(`kek:${keyId}`));
}

/** Encrypts text; `context` (e.g. the errand id and field) must be given again to decrypt. */
export function sealText(key: Buffer, plaintext: string, context: string): Buffer {
  return seal(key, Buffer.from(plaintext, 'utf8'), Buffer.from(context, 'utf8'));
}

export function openText(key: Buffer, sealed: Buffer, context: string): string {
  return open(key, sealed, Buffer.from(context, 'utf8')).toString('utf8');
}

function masterKey(ring: KeyRing, id: string): Buffer {
  const key = ring.keys.get(id);
  if (!key) throw new Error(`Master key "${id}" is not configured; it is needed to read data wrapped with it.`);
  return key;
}

/**
 * Handing Node a raw key imports it into OpenSSL on every call (~30 µs, three times the cost of
 * encrypting a message); a KeyObject is imported once. Keys are kept as long as their Buffer lives:
 * master and epoch keys for the process, a data key for the request that opened it.
 */
const imported = new WeakMap<Buffer, KeyObject>();
function keyObject(key: Buffer): KeyObject {
  let object = imported.get(key);
  if (!object) {
    object = createSecretKey(key);
    imported.set(key, object);
  }
  return object;
}

function seal(key: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyObject(key), iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]);
}

function open(key: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) throw new Error('Unknown ciphertext format');
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', keyObject(key), iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
}

/** Wraps a key under another key (a deletion-epoch key, say); `kekId` is authenticated with it. */
export function wrapKeyWith(kek: Buffer, kekId: string, key: Buffer): Buffer {
  return seal(kek, key, Buffer.from(`kek:${kekId}`));
}

export function unwrapKeyWith(kek: Buffer, kekId: string, wrapped: Buffer): Buffer {
  return open(kek, wrapped, Buffer.from(`kek:${kekId}`));
}
