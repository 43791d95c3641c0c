import fs from 'node:fs';
import { backup, DatabaseSync } from 'node:sqlite';
import { Kysely, SqliteDialect } from 'kysely';
import type { DatabaseSchema } from './schema.ts';
import { openNodeSqlite } from './sqlite-driver.ts';

// SQLite copies everything in one step for -1; Node accepts only a positive count, so: all pages.
const ALL_PAGES = 2 ** 31 - 1;

/**
 * Copies a live SQLite database into `destination` (a new file) with SQLite's online backup API.
 *
 * One step, not many: between steps a write by another process (the running server) restarts the
 * copy from the start, and a busy server could keep it restarting for ever. One step reads every
 * page in one read transaction, so the copy is one consistent snapshot; in WAL mode that read does
 * not hold up the server's writes (the WAL only grows until the copy is done). Node runs the step
 * on its thread pool. The live database is opened read-only: a backup never writes to it.
 */
export async function copySqliteSnapshot(source: string, destination: string): Promise<{ pages: number }> {
  // A new file (never another backup), readable by its owner only: it holds names and personnummer.
  fs.writeFileSync(destination, '', { flag: 'wx', mode: 0o600 });
  const live = new DatabaseSync(source, { readOnly: true, timeout: 5000 });
  let pages: number;
  try {
    pages = await backup(live, destination, { rate: ALL_PAGES });
  } finally {
    live.close();
  }
  const copy = new DatabaseSync(destination);
  try {
    // A rollback-journal file is whole by itself: it opens read-only from backup media without
    // -wal/-shm beside it. A server that restores it switches it back to WAL when it opens it.
    copy.exec('PRAGMA journal_mode = DELETE');
    const check = copy.prepare('PRAGMA quick_check').all() as Array<{ quick_check: string }>;
    if (check.length !== 1 || check[0]?.quick_check !== 'ok') {
      throw new Error(`The copy failed SQLite's check: ${check.map((row) => row.quick_check).join('; ')}`);
    }
  } finally {
    copy.close();
  }
  const handle = fs.openSync(destination, 'r');
  try {
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  return { pages };
}

/** Reads a finished copy through Kysely (with the repositories' queries); reading leaves it as it is. */
export async function readSqliteCopy<T>(file: string, read: (db: Kysely<DatabaseSchema>) => Promise<T>): Promise<T> {
  const { database } = openNodeSqlite(file);
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database }) });
  try {
    return await read(db);
  } finally {
    await db.destroy();
  }
}
