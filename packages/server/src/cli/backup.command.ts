import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config/config.ts';
import { openDatabase } from '../storage/database.ts';
import { backUpSqlite } from '../use-cases/backup/back-up-sqlite.ts';
import { exportChainHeads } from '../use-cases/backup/export-chain-heads.ts';
import { BACKUP_USAGE } from './usage.ts';

type Out = { write(text: string): unknown };

/**
 * `kontakta backup <file>`: on SQLite an online, consistent copy of the database with its
 * access-log chain heads beside it; on PostgreSQL, whose own tools copy it, only the heads, and
 * only when asked for with --heads-only, so nobody mistakes it for a database backup.
 */
export async function backupCommand(
  args: string[],
  config: () => Promise<Config>,
  out: Out = process.stdout,
): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { 'heads-only': { type: 'boolean' } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new Error(`Usage: ${BACKUP_USAGE}`);
  const target = path.resolve(positionals[0] as string);
  const headsOnly = values['heads-only'] === true;
  const loaded = await config();
  const { database } = loaded;

  if (database.dialect === 'sqlite' && !headsOnly) {
    const backup = await backUpSqlite(database.file, target);
    out.write(
      `Backed up ${database.file} to ${backup.backupFile} (${megabytes(backup.bytes)}): one consistent snapshot, taken while the server may run.\n` +
        `The access-log chain heads of ${backup.units} unit(s) in that same snapshot: ${backup.headsFile}\n` +
        `Keep them with the backup and a copy elsewhere: \`kontakta audit verify --heads ${backup.headsFile}\` on a restored database shows that no entry that existed at backup time was removed or rewritten.\n` +
        `Restore: stop the server, copy the backup to ${database.file}, remove ${database.file}-wal and ${database.file}-shm if they are there, start the server with the same master keys.\n`,
    );
  } else if (database.dialect === 'postgres' && !headsOnly) {
    throw new Error(postgresRefusal(target));
  } else {
    const opened = openDatabase(database);
    try {
      const exported = await exportChainHeads(opened, target);
      out.write(`Exported the access-log chain heads of ${exported.units} unit(s) to ${exported.headsFile}.\n`);
    } finally {
      await opened.close();
    }
    out.write(
      database.dialect === 'postgres'
        ? `The database itself was NOT backed up. Take the PostgreSQL backup now, e.g. pg_dump --format=custom --file=${target} "$KONTAKTA_DATABASE_URL" (or check that your base backups and WAL archiving run). A backup taken after this export holds every entry these heads name.\n`
        : `The database itself was NOT backed up (--heads-only); \`kontakta backup ${target}\` copies it together with its heads.\n`,
    );
  }
  out.write(masterKeyNote(loaded, target));
}

function postgresRefusal(target: string): string {
  return [
    "Kontakta does not copy a PostgreSQL database: PostgreSQL's own tools do that consistently. Nothing was written.",
    '  1. kontakta backup --heads-only <file>   exports the access-log chain heads to <file>.access-log-heads.json',
    `  2. pg_dump --format=custom --file=${target} "$KONTAKTA_DATABASE_URL"   (or pg_basebackup with WAL archiving)`,
    'A backup taken after step 1 holds every entry the heads name; `kontakta audit verify --heads <heads file>` checks its restore.',
  ].join('\n');
}

function masterKeyNote(config: Config, target: string): string {
  const keys = config.masterKeys;
  const where = keys.kind === 'file' ? `the key file ${keys.path}` : 'the KONTAKTA_MASTER_KEY variable';
  const together =
    keys.kind === 'file' && path.dirname(keys.path) === path.dirname(target)
      ? `WARNING: the key file is in the same folder as this backup. Move one of them: whoever has both can read every errand.\n`
      : '';
  return (
    `The master keys are not in this backup: they are kept outside the database, in ${where}. ` +
    'Back them up separately (offline or in a vault), never beside the database backups: without them the errand content in a backup cannot be read.\n' +
    together
  );
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
