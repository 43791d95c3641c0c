import { sql } from 'kysely';
import type { Database } from './database.ts';

export type DurabilityReport = { durable: boolean; settings: Record<string, string>; problems: string[] };

/**
 * Reads the settings that decide whether a committed transaction survives a power loss.
 * SQLite: WAL with synchronous=FULL (or NORMAL with our group commit) and foreign keys on. PostgreSQL: fsync and synchronous_commit on.
 */
export async function checkDurability(database: Database): Promise<DurabilityReport> {
  const { db, dialect } = database;
  const settings: Record<string, string> = {};
  const problems: string[] = [];
  if (dialect === 'sqlite') {
    const journal = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(db);
    const synchronous = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(db);
    const foreignKeys = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db);
    settings.journal_mode = String(journal.rows[0]?.journal_mode);
    settings.synchronous = ['OFF', 'NORMAL', 'FULL', 'EXTRA'][Number(synchronous.rows[0]?.synchronous)] ?? '?';
    settings.foreign_keys = foreignKeys.rows[0]?.foreign_keys === 1 ? 'on' : 'off';
    if (settings.journal_mode !== 'wal' && settings.journal_mode !== 'memory')
      problems.push(`SQLite journal_mode is ${settings.journal_mode}, expected wal`);
    // Group commit runs NORMAL and syncs the WAL itself before any response (wal-group-commit.ts).
    if (database.groupCommit && settings.synchronous === 'NORMAL') settings.synchronous = 'NORMAL + group commit';
    else if (settings.synchronous !== 'FULL' && settings.synchronous !== 'EXTRA')
      problems.push(`SQLite synchronous is ${settings.synchronous}: a power loss could undo confirmed writes`);
    if (settings.foreign_keys !== 'on') problems.push('SQLite foreign_keys is off');
  } else {
    for (const name of ['fsync', 'synchronous_commit', 'full_page_writes']) {
      const result = await sql<{ setting: string }>`SELECT setting FROM pg_settings WHERE name = ${name}`.execute(db);
      const value = result.rows[0]?.setting ?? 'unknown';
      settings[name] = value;
      // synchronous_commit may also be remote_write/remote_apply (replication), which are at least as safe.
      if (value === 'off') problems.push(`PostgreSQL ${name} is off: confirmed writes can be lost or corrupted`);
    }
  }
  return { durable: problems.length === 0, settings, problems };
}
