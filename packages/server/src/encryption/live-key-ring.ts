import fs from 'node:fs';
import type { KeyRing } from './envelope.ts';
import { loadKeyRing, type MasterKeySource } from './master-keys.ts';

/**
 * The master keys of a running server, following the key file: after `kontakta keys add` every
 * running process wraps new data keys under the new current key within a second (the file is
 * watched) or at once on SIGHUP. Keys once loaded stay loaded until restart, so a process can
 * always open what it wrapped itself; `keys prune` refuses while any row still needs a key, and a
 * restarting server refuses to start without every key the database references.
 * Keys from KONTAKTA_MASTER_KEY cannot change without a restart.
 */
export type LiveKeyRing = KeyRing & {
  /** Reads the key file again; throws (keeping the keys it has) when the file is unusable. */
  reload(): { changed: boolean; currentId: string };
  /** Reloads whenever the key file changes; returns the function that stops watching. */
  watch(onReload: (error: Error | undefined, currentId: string) => void): () => void;
};

const WATCH_INTERVAL_MS = 1000;

export function liveKeyRing(source: MasterKeySource, warn: (message: string) => void): LiveKeyRing {
  let ring = loadKeyRing(source, warn);

  const reload = () => {
    if (source.kind !== 'file') return { changed: false, currentId: ring.currentId };
    const next = loadKeyRing({ ...source, generateIfMissing: false }, warn);
    const changed = next.currentId !== ring.currentId || [...next.keys.keys()].some((id) => !ring.keys.has(id));
    ring = { currentId: next.currentId, keys: new Map([...ring.keys, ...next.keys]) };
    return { changed, currentId: ring.currentId };
  };

  return {
    get currentId() {
      return ring.currentId;
    },
    get keys() {
      return ring.keys;
    },
    reload,
    watch(onReload) {
      if (source.kind !== 'file') return () => {};
      // Polling the file's status survives the rename that replaces the file (inotify would not).
      const listener = (now: fs.Stats, before: fs.Stats) => {
        if (now.mtimeMs === before.mtimeMs && now.ino === before.ino) return;
        try {
          const { changed, currentId } = reload();
          if (changed) onReload(undefined, currentId);
        } catch (error) {
          onReload(error as Error, ring.currentId);
        }
      };
      fs.watchFile(source.path, { interval: WATCH_INTERVAL_MS, persistent: false }, listener);
      return () => fs.unwatchFile(source.path, listener);
    },
  };
}
