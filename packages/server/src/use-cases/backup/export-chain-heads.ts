import type { Database } from '../../storage/database.ts';
import { formatExportedHeads, headsFileFor, readChainHeads } from '../access-log/access-log-heads.ts';
import { publish, refuseExisting, removeQuietly, temporaryBeside, writeSynced } from './new-file.ts';

/**
 * Exports only the access-log chain heads, for a database Kontakta does not copy itself
 * (PostgreSQL: pg_dump or base backups do that). A database backup taken after this export holds
 * every entry the heads name, so `audit verify --heads` on its restore must pass.
 */
export async function exportChainHeads(
  database: Database,
  target: string,
  now = new Date(),
): Promise<{ headsFile: string; units: number }> {
  const headsFile = headsFileFor(target);
  refuseExisting([headsFile]);
  // One statement reads every unit's head, so they are one snapshot of the database.
  const heads = await readChainHeads(database.db);
  const temporary = temporaryBeside(headsFile);
  try {
    writeSynced(temporary, formatExportedHeads(heads, now, database.dialect, null));
    publish(temporary, headsFile);
  } finally {
    removeQuietly(temporary);
  }
  return { headsFile, units: heads.length };
}
