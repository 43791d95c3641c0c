import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type KeyRing, unwrapDataKey, wrapDataKey } from './envelope.ts';

/**
 * Deletion-epoch keys: one key per month in which errands expire. An errand's data key is wrapped
 * under the key of its expiry month (key id `deletion:YYYY-MM`), and that key is wrapped under a
 * master key and kept in this file, beside the master keys and never in the database. When every
 * errand of a month has been deleted, the month's key is destroyed: every copy of those errands,
 * in any database backup, can no longer be opened.
 *
 * The file must not go into long-lived backups (that would keep destroyed keys alive); it is
 * small and only grows by one entry a month. Several processes on one host share it: a lock file
 * serialises writes, and a process re-reads the file when it lacks a month or the file changed.
 *
 * Format: `{ "version": 1, "epochs": { "2028-12": { "masterKeyId": "…", "wrapped": "<base64>" } },
 * "destroyed": { "2026-11": "<ISO time>" } }`.
 */
export const DELETION_KEY_PREFIX = 'deletion:';

export type DeletionKeys = Readonly<{
  /** The key of `epoch` (`YYYY-MM`), made and saved first if the month has none yet. */
  keyFor(epoch: string, ring: KeyRing): Buffer;
  /** The key of `epoch`, or undefined when it was destroyed (or never made). */
  find(epoch: string, ring: KeyRing): Buffer | undefined;
  /** Destroys the month's key for good; false when there was none. */
  destroy(epoch: string, now: number): boolean;
  /** The months that have a key. */
  epochs(): string[];
  /** The master key ids the epoch keys are wrapped under (rotation must keep them until re-wrapped). */
  masterKeyIdsInUse(): string[];
  /** The master key id the month's key is wrapped under. */
  wrappingKeyOf(epoch: string): string | undefined;
  /** Re-wraps every epoch key under the ring's current master key; returns how many changed. */
  rewrap(ring: KeyRing): number;
}>;

type Entry = { masterKeyId: string; wrapped: string };
type DeletionKeyFile = { version: 1; epochs: Record<string, Entry>; destroyed: Record<string, string> };

const EPOCH = /^\d{4}-(0[1-9]|1[0-2])$/;
const LOCK_WAIT_MS = 10_000;
const STALE_LOCK_MS = 30_000;
const RECHECK_MS = 1000;

export function openDeletionKeys(file: string): DeletionKeys {
  let content = readFile(file);
  let readAt = Date.now();
  let mtimeMs = mtimeOf(file);
  const cache = new Map<string, Buffer>();

  const refresh = (force: boolean) => {
    if (!force && Date.now() - readAt < RECHECK_MS) return;
    readAt = Date.now();
    const mtime = mtimeOf(file);
    if (!force && mtime === mtimeMs) return;
    mtimeMs = mtime;
    content = readFile(file);
    for (const epoch of [...cache.keys()]) if (!content.epochs[epoch]) cache.delete(epoch);
  };

  const unwrap = (epoch: string, ring: KeyRing): Buffer | undefined => {
    const entry = content.epochs[epoch];
    if (!entry) return undefined;
    let key = cache.get(epoch);
    if (!key) {
      key = unwrapDataKey(ring, { wrapped: Buffer.from(entry.wrapped, 'base64'), keyId: entry.masterKeyId });
      cache.set(epoch, key);
    }
    return key;
  };

  return {
    find(epoch, ring) {
      refresh(false);
      const cached = unwrap(epoch, ring);
      if (cached) return cached;
      // Another process may have made the month's key since this one read the file.
      refresh(true);
      return unwrap(epoch, ring);
    },
    keyFor(epoch, ring) {
      if (!EPOCH.test(epoch)) throw new RangeError(`Not a deletion epoch: ${epoch}`);
      const found = this.find(epoch, ring);
      if (found) return found;
      withLock(file, () => {
        const current = readFile(file);
        if (current.destroyed[epoch])
          throw new Error(`The deletion key of ${epoch} was destroyed; nothing may be wrapped under it.`);
        if (!current.epochs[epoch]) {
          const wrapped = wrapDataKey(ring, randomBytes(32));
          current.epochs[epoch] = { masterKeyId: wrapped.keyId, wrapped: wrapped.wrapped.toString('base64') };
          writeFile(file, current);
        }
      });
      refresh(true);
      const made = unwrap(epoch, ring);
      if (!made) throw new Error(`The deletion key of ${epoch} could not be made in ${file}.`);
      return made;
    },
    destroy(epoch, now) {
      let destroyed = false;
      withLock(file, () => {
        const current = readFile(file);
        if (!current.epochs[epoch]) return;
        delete current.epochs[epoch];
        current.destroyed[epoch] = new Date(now).toISOString();
        writeFile(file, current);
        destroyed = true;
      });
      cache.delete(epoch);
      refresh(true);
      return destroyed;
    },
    epochs() {
      refresh(false);
      return Object.keys(content.epochs).sort();
    },
    masterKeyIdsInUse() {
      refresh(false);
      return [...new Set(Object.values(content.epochs).map((e) => e.masterKeyId))].sort();
    },
    wrappingKeyOf(epoch) {
      refresh(false);
      return content.epochs[epoch]?.masterKeyId;
    },
    rewrap(ring) {
      let changed = 0;
      withLock(file, () => {
        const current = readFile(file);
        for (const [epoch, entry] of Object.entries(current.epochs)) {
          if (entry.masterKeyId === ring.currentId) continue;
          const key = unwrapDataKey(ring, { wrapped: Buffer.from(entry.wrapped, 'base64'), keyId: entry.masterKeyId });
          const wrapped = wrapDataKey(ring, key);
          current.epochs[epoch] = { masterKeyId: wrapped.keyId, wrapped: wrapped.wrapped.toString('base64') };
          changed += 1;
        }
        if (changed > 0) writeFile(file, current);
      });
      refresh(true);
      return changed;
    },
  };
}

function mtimeOf(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function readFile(file: string): DeletionKeyFile {
  if (!fs.existsSync(file)) return { version: 1, epochs: {}, destroyed: {} };
  let parsed: Partial<DeletionKeyFile>;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DeletionKeyFile>;
  } catch {
    throw new Error(`Deletion key file ${file} is not valid JSON.`);
  }
  if (parsed.version !== 1 || typeof parsed.epochs !== 'object' || parsed.epochs === null) {
    throw new Error(`Deletion key file ${file} needs "version": 1 and "epochs".`);
  }
  return { version: 1, epochs: { ...parsed.epochs }, destroyed: { ...(parsed.destroyed ?? {}) } };
}

/** Written beside, flushed and renamed: a crash leaves the old file or the new one, never half. */
function writeFile(file: string, content: DeletionKeyFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temporary, 'w', 0o600);
  try {
    fs.writeFileSync(fd, `${JSON.stringify(content, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
  const dir = fs.openSync(path.dirname(file), 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
}

/** Runs `change` holding `<file>.lock` (made with O_EXCL), so processes on one host never write at once. */
function withLock(file: string, change: () => void): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const lock = `${file}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      fs.closeSync(fs.openSync(lock, 'wx', 0o600));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a process that died while writing is cleared after a while.
      if (Date.now() - mtimeOf(lock) > STALE_LOCK_MS) fs.rmSync(lock, { force: true });
      else if (Date.now() > deadline) throw new Error(`Deletion key file ${file} is locked (${lock}).`);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
  try {
    change();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}
