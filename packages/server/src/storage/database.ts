import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config/config.ts';
import type { DatabaseSchema } from './schema.ts';
import { openNodeSqlite } from './sqlite-driver.ts';

export type Dialect = DatabaseConfig['dialect'];

export type Database = {
  readonly db: Kysely<DatabaseSchema>;
  readonly dialect: Dialect;
  close(): Promise<void>;
};

/**
 * Opens the configured database with the settings that make a confirmed write durable.
 * Whether those settings actually hold is checked separately (durability.ts), because on
 * PostgreSQL they belong to the server, not to us.
 */
// bigint (int8) columns hold epoch milliseconds and counts, both far inside Number's safe range;
// parse them as numbers so rows look the same as on SQLite.
const INT8_OID = 20;
function getTypeParser(oid: number, format?: 'text' | 'binary') {
  if (oid === INT8_OID && format !== 'binary') return (value: string) => Number(value);
  return pg.types.getTypeParser(oid, format);
}

export function openDatabase(config: DatabaseConfig): Database {
  if (config.dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize, types: { getTypeParser } });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }

  if (config.file !== ':memory:') fs.mkdirSync(path.dirname(config.file), { recursive: true });
  const { database, raw } = openNodeSqlite(config.file);
  // WAL lets readers run beside the writer; FULL syncs the WAL on every commit so a confirmed
  // errand survives power loss, not only a crash of our process.
  raw.exec('PRAGMA journal_mode = WAL');
  raw.exec('PRAGMA synchronous = FULL');
  raw.exec('PRAGMA foreign_keys = ON');
  raw.exec('PRAGMA busy_timeout = 5000');
  // Table statistics, so the planner picks the selective index (a caregiver's own errands by
  // assignee rather than by unit) as SQLite recommends on opening; sampled, so it takes
  // milliseconds even on a national database, and a no-op on an empty one.
  raw.exec('PRAGMA analysis_limit = 400');
  raw.exec('PRAGMA optimize = 0x10002');
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}
