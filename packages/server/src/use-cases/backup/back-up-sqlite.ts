import fs from 'node:fs';
import path from 'node:path';
import { copySqliteSnapshot, readSqliteCopy } from '../../storage/sqlite-backup.ts';
import { formatExportedHeads, headsFileFor, readChainHeads } from '../access-log/access-log-heads.ts';
import { publish, refuseExisting, removeQuietly, temporaryBeside, writeSynced } from './new-file.ts';

export type SqliteBackup = { backupFile: string; headsFile: string; bytes: number; units: number };

/**
 * Backs up the embedded database while the server runs: one consistent snapshot into `target`,
 * and the access-log chain heads of that same snapshot beside it. Neither file ever replaces an
 * existing one, and neither is under its final name before it is whole and synced.
 */
export async function backUpSqlite(source: string, target: string, now = new Date()): Promise<SqliteBackup> {
  if (source === ':memory:') throw new Error('The database is in memory: there is nothing to back up.');
  if (!fs.existsSync(source)) {
    throw new Error(`There is no database at ${source}: check KONTAKTA_DATABASE_URL and KONTAKTA_DATA_DIR.`);
  }
  const headsFile = headsFileFor(target);
  refuseExisting([target, headsFile]);
  const copy = temporaryBeside(target);
  const headsCopy = temporaryBeside(headsFile);
  try {
    await copySqliteSnapshot(source, copy);
    // Read from the copy itself: the heads are then exactly the snapshot's, whatever the server
    // wrote meanwhile.
    const heads = await readSqliteCopy(copy, readChainHeads);
    writeSynced(headsCopy, formatExportedHeads(heads, now, 'sqlite', path.basename(target)));
    // The heads first: a backup under its final name always has its heads beside it.
    publish(headsCopy, headsFile);
    try {
      publish(copy, target);
    } catch (error) {
      removeQuietly(headsFile);
      throw error;
    }
    return { backupFile: target, headsFile, bytes: fs.statSync(target).size, units: heads.length };
  } finally {
    for (const file of [copy, `${copy}-journal`, headsCopy]) removeQuietly(file);
  }
}
