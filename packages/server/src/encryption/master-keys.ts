import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { KeyRing } from './envelope.ts';

/**
 * Where the master keys come from, in order: `KONTAKTA_MASTER_KEY` (`id:base64`, current first,
 * older ones after a comma until rotation is done), a key file, or — in development only — a
 * file generated under the data folder.
 *
 * Key file format: `{ "current": "2026-11", "keys": { "2026-11": "<base64 of 32 bytes>" } }`.
 */
export type MasterKeySource =
  | Readonly<{ kind: 'environment'; value: string }>
  | Readonly<{ kind: 'file'; path: string; generateIfMissing: boolean }>;

export function loadKeyRing(source: MasterKeySource, warn: (message: string) => void): KeyRing {
  if (source.kind === 'environment') return parseKeyList(source.value);
  if (!fs.existsSync(source.path)) {
    if (!source.generateIfMissing) throw new Error(`Master key file ${source.path} does not exist.`);
    writeKeyFile(source.path, {
      current: keyIdForNow(),
      keys: { [keyIdForNow()]: randomBytes(32).toString('base64') },
    });
    warn(
      `Generated a development master key in ${source.path}. In production set KONTAKTA_MASTER_KEY or KONTAKTA_MASTER_KEY_FILE and keep the key outside the database backups.`,
    );
  }
  return parseKeyFile(fs.readFileSync(source.path, 'utf8'), source.path);
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

function parseKeyFile(text: string, file: string): KeyRing {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`Master key file ${file} is not valid JSON.`);
  }
  const { current, keys } = (parsed ?? {}) as { current?: unknown; keys?: unknown };
  if (typeof current !== 'string' || typeof keys !== 'object' || keys === null) {
    throw new Error(`Master key file ${file} needs "current" and "keys".`);
  }
  const ring = new Map<string, Buffer>();
  for (const [id, encoded] of Object.entries(keys)) ring.set(id, decodeKey(String(encoded), id));
  if (!ring.has(current))
    throw new Error(`Master key file ${file}: the current key "${current}" is not among the keys.`);
  return { currentId: current, keys: ring };
}

/** Adds a new current key to a key file (keeping the old ones for unwrapping) and returns its id. */
export function addKeyToFile(file: string): string {
  const ring = parseKeyFile(fs.readFileSync(file, 'utf8'), file);
  let id = keyIdForNow();
  for (let n = 2; ring.keys.has(id); n++) id = `${keyIdForNow()}-${n}`;
  const keys = Object.fromEntries([...ring.keys].map(([k, v]) => [k, v.toString('base64')]));
  writeKeyFile(file, { current: id, keys: { ...keys, [id]: randomBytes(32).toString('base64') } });
  return id;
}

/** Drops keys no longer in use from a key file. */
export function removeKeysFromFile(file: string, keep: ReadonlySet<string>): void {
  const ring = parseKeyFile(fs.readFileSync(file, 'utf8'), file);
  const keys = Object.fromEntries(
    [...ring.keys].filter(([id]) => keep.has(id) || id === ring.currentId).map(([k, v]) => [k, v.toString('base64')]),
  );
  writeKeyFile(file, { current: ring.currentId, keys });
}

function decodeKey(encoded: string, id: string): Buffer {
  const key = Buffer.from(encoded, 'base64');
  if (key.length !== 32) throw new Error(`master key "${id}" must be 32 bytes, base64-encoded`);
  return key;
}

function keyIdForNow(): string {
  return new Date().toISOString().slice(0, 10);
}

function writeKeyFile(file: string, content: { current: string; keys: Record<string, string> }): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written beside and renamed, so a crash never leaves half a key file; readable by us only.
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temporary, file);
}
