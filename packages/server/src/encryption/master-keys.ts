import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { KeyRing } from './envelope.ts';

/**
 * Where the master keys come from: `KONTAKTA_MASTER_KEY` (`id:base64`, current first, older ones
 * after a comma until rotation is done) or a key file. In demo mode only, a file is generated
 * under the data folder and marked as such, so that it can never pass for a production key.
 *
 * Key file format: `{ "current": "2026-11", "keys": { "2026-11": "<base64 of 32 bytes>" } }`.
 */
export type MasterKeySource =
  | Readonly<{ kind: 'environment'; value: string }>
  | Readonly<{ kind: 'file'; path: string; generateIfMissing: boolean }>;

type KeyFile = { current: string; keys: Record<string, string>; generatedForDemo?: true };

export function loadKeyRing(source: MasterKeySource, warn: (message: string) => void): KeyRing {
  if (source.kind === 'environment') return parseKeyList(source.value);
  if (!fs.existsSync(source.path)) {
    if (!source.generateIfMissing) throw new Error(`Master key file ${source.path} does not exist.`);
    writeKeyFile(source.path, { ...newKeyFile(), generatedForDemo: true });
    warn(
      `Generated a demo master key in ${source.path}. It is refused outside demo mode: there, make a key file with \`kontakta keys generate <file>\` and keep it outside the database backups.`,
    );
  }
  return readKeyFile(source.path).ring;
}

/**
 * What keeps a key source from protecting real data, one line each (empty when none): keys that
 * are not random, and the generated demo key file. Names the key id, never the key.
 */
export function masterKeyProblems(source: MasterKeySource): string[] {
  try {
    if (source.kind === 'environment') return weakKeyProblems(parseKeyList(source.value));
    if (!fs.existsSync(source.path))
      return [`${source.path} does not exist (make one with \`kontakta keys generate\`)`];
    const { ring, generatedForDemo } = readKeyFile(source.path);
    if (generatedForDemo) return [`${source.path} is the key file generated for demo mode, not a production key`];
    return weakKeyProblems(ring);
  } catch (error) {
    return [(error as Error).message];
  }
}

function weakKeyProblems(ring: KeyRing): string[] {
  return [...ring.keys]
    .map(([id, key]) => {
      const reason = weakKeyReason(key);
      return reason ? `master key "${id}" ${reason}: use 32 random bytes (\`openssl rand -base64 32\`)` : undefined;
    })
    .filter((problem) => problem !== undefined);
}

/**
 * 32 random bytes have about 28 distinct values and are almost never all printable: a key with
 * fewer than 16 distinct bytes, or made of text, was typed or derived by a person.
 */
export function weakKeyReason(key: Buffer): string | undefined {
  if (key.every((byte) => byte === 0)) return 'is all zeros';
  if (new Set(key).size < 16) return 'has too little entropy';
  if (key.every((byte) => byte >= 0x20 && byte < 0x7f)) return 'is text, not random bytes';
  return undefined;
}

/** Parses `id:base64[,id:base64…]`; throws naming the problem (never the key). */
export function parseKeyList(value: string): KeyRing {
  const keys = new Map<string, Buffer>();
  let currentId: string | undefined;
  for (const entry of value.split(',').map((e) => e.trim())) {
    const [id, encoded] = entry.split(':');
    if (!id || !encoded) throw new Error('each master key must be written id:base64');
    keys.set(id, decodeKey(encoded, id));
    currentId ??= id;
  }
  if (!currentId) throw new Error('no master key given');
  return { currentId, keys };
}

function readKeyFile(file: string): { ring: KeyRing; generatedForDemo: boolean } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new Error(`Master key file ${file} is not valid JSON.`);
  }
  const { current, keys, generatedForDemo } = (parsed ?? {}) as Partial<KeyFile>;
  if (typeof current !== 'string' || typeof keys !== 'object' || keys === null) {
    throw new Error(`Master key file ${file} needs "current" and "keys".`);
  }
  const ring = new Map<string, Buffer>();
  for (const [id, encoded] of Object.entries(keys)) ring.set(id, decodeKey(String(encoded), id));
  if (!ring.has(current))
    throw new Error(`Master key file ${file}: the current key "${current}" is not among the keys.`);
  return { ring: { currentId: current, keys: ring }, generatedForDemo: generatedForDemo === true };
}

/** Writes a new key file with one fresh key; refuses to overwrite one (it may hold the only copy). */
export function generateKeyFile(file: string): string {
  if (fs.existsSync(file)) throw new Error(`${file} exists already; it is not overwritten.`);
  const content = newKeyFile();
  writeKeyFile(file, content);
  return content.current;
}

/** A fresh `id:base64` entry for KONTAKTA_MASTER_KEY. */
export function newKeyEntry(existing: ReadonlySet<string>): string {
  return `${freshKeyId(existing)}:${randomBytes(32).toString('base64')}`;
}

/** Adds a new current key to a key file (keeping the old ones for unwrapping) and returns its id. */
export function addKeyToFile(file: string): string {
  const { ring, generatedForDemo } = readKeyFile(file);
  const id = freshKeyId(new Set(ring.keys.keys()));
  const keys = Object.fromEntries([...ring.keys].map(([k, v]) => [k, v.toString('base64')]));
  writeKeyFile(file, {
    current: id,
    keys: { ...keys, [id]: randomBytes(32).toString('base64') },
    ...(generatedForDemo ? { generatedForDemo } : {}),
  });
  return id;
}

/** Drops the given keys from a key file; never the current one. */
export function removeKeysFromFile(file: string, remove: ReadonlySet<string>): void {
  const { ring, generatedForDemo } = readKeyFile(file);
  const keys = Object.fromEntries(
    [...ring.keys]
      .filter(([id]) => !remove.has(id) || id === ring.currentId)
      .map(([k, v]) => [k, v.toString('base64')]),
  );
  writeKeyFile(file, { current: ring.currentId, keys, ...(generatedForDemo ? { generatedForDemo } : {}) });
}

function decodeKey(encoded: string, id: string): Buffer {
  const key = Buffer.from(encoded, 'base64');
  if (key.length !== 32) throw new Error(`master key "${id}" must be 32 bytes, base64-encoded`);
  return key;
}

function newKeyFile(): KeyFile {
  const id = freshKeyId(new Set());
  return { current: id, keys: { [id]: randomBytes(32).toString('base64') } };
}

/**
 * Ids name the day a key was made, so an operator sees at once how old each key is, and a random
 * part, so that two keys made the same day (or in two installations) never share an id.
 */
function freshKeyId(existing: ReadonlySet<string>): string {
  const day = new Date().toISOString().slice(0, 10);
  let id: string;
  do id = `${day}-${randomBytes(3).toString('hex')}`;
  while (existing.has(id));
  return id;
}

function writeKeyFile(file: string, content: KeyFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written beside and renamed, so a crash never leaves half a key file; readable by us only.
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temporary, file);
}
