import fs from 'node:fs';
import path from 'node:path';
import { type FileRegister, loadFileRegister } from './file-register.adapter.ts';
import type { HsaCatalogue } from './hsa-catalogue.ts';
import type { PopulationRegister } from './population-register.ts';
import { HSA_FILE_NAME, POPULATION_FILE_NAME } from './register-file.schema.ts';

export type ReloadingRegisters = PopulationRegister &
  HsaCatalogue & {
    /** Reads both files again; keeps the registers it has when the new files are invalid (and throws). */
    reload(): Promise<void>;
    /** Stops watching the files. */
    close(): void;
  };

const WATCH_INTERVAL_MS = 2000;

/**
 * The file registers, following their files: when the catalogue drops a commission or the
 * population register a person, a running server sees it within seconds (sessions follow the
 * registers on every request, see confirm-authority.ts), without a restart. A file that is
 * being written or is invalid leaves the previous content in force.
 */
export async function openReloadingFileRegister(
  directory: string,
  onReload: (error: Error | undefined) => void,
): Promise<ReloadingRegisters> {
  let current: FileRegister = await loadFileRegister(directory);
  const reload = async () => {
    current = await loadFileRegister(directory);
  };
  const files = [POPULATION_FILE_NAME, HSA_FILE_NAME].map((file) => path.join(directory, file));
  const listener = (now: fs.Stats, before: fs.Stats) => {
    if (now.mtimeMs === before.mtimeMs && now.ino === before.ino) return;
    reload().then(
      () => onReload(undefined),
      (error: unknown) => onReload(error as Error),
    );
  };
  for (const file of files) fs.watchFile(file, { interval: WATCH_INTERVAL_MS, persistent: false }, listener);
  const control = {
    reload,
    close: () => {
      for (const file of files) fs.unwatchFile(file, listener);
    },
  };
  // Every register method is the current content's, so callers never hold an old copy.
  return new Proxy(control as ReloadingRegisters, {
    get(target, name) {
      if (name in control) return Reflect.get(target, name);
      const value = Reflect.get(current, name);
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}
