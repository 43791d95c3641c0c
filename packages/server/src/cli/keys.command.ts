import type { Config } from '../config/config.ts';
import { addKeyToFile, loadKeyRing, removeKeysFromFile } from '../encryption/master-keys.ts';
import { openDatabase } from '../storage/database.ts';
import { listKeyIdsInUse } from '../storage/repositories/errand.repository.ts';
import { rewrapDataKeys } from '../use-cases/keys/rewrap-data-keys.ts';

/**
 * `kontakta keys rotate`. With a key file: adds a new master key, re-wraps every data key under
 * it, then drops keys nothing uses any more. With KONTAKTA_MASTER_KEY: put the new key first and
 * the old after a comma, run this, then remove the old one.
 */
export async function keysRotateCommand(config: Config): Promise<void> {
  const source = config.masterKeys;
  if (source.kind === 'file') addKeyToFile(source.path);
  const ring = loadKeyRing(source.kind === 'file' ? { ...source, generateIfMissing: false } : source, (message) =>
    process.stderr.write(`${message}\n`),
  );
  const database = openDatabase(config.database);
  try {
    const count = await rewrapDataKeys(database, ring);
    const inUse = new Set(await listKeyIdsInUse(database.db));
    process.stdout.write(`Re-wrapped ${count} data keys under master key "${ring.currentId}".\n`);
    if (source.kind === 'file') {
      removeKeysFromFile(source.path, inUse);
      process.stdout.write(`Removed master keys no longer in use from ${source.path}.\n`);
    } else {
      const unused = [...ring.keys.keys()].filter((id) => id !== ring.currentId && !inUse.has(id));
      if (unused.length > 0) {
        process.stdout.write(`Nothing uses ${unused.join(', ')} any more: remove them from KONTAKTA_MASTER_KEY.\n`);
      }
    }
  } finally {
    await database.close();
  }
}
