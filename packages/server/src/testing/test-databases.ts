import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { DatabaseConfig } from '../config/config.ts';
import { type Database, type Dialect, type OpenOptions, openDatabase } from '../storage/database.ts';
import { migrateToLatest } from '../storage/migrator.ts';

export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

export type TestDatabase = Database & { config: DatabaseConfig; drop(): Promise<void> };

/**
 * A fresh, empty database of the given dialect: a new SQLite file, or a new database in the
 * test PostgreSQL server. `drop` closes and removes it.
 */
export async function createTestDatabase(
  dialect: Dialect,
  options: { migrate?: boolean; open?: OpenOptions } = {},
): Promise<TestDatabase> {
  const config = dialect === 'sqlite' ? await newSqliteConfig() : await newPostgresConfig();
  const database = openDatabase(config, options.open);
  if (options.migrate ?? true) await migrateToLatest(database.db);
  let dropped = false;
  return {
    ...database,
    config,
    async drop() {
      if (dropped) return;
      dropped = true;
      await database.close();
      if (config.dialect === 'sqlite') fs.rmSync(path.dirname(config.file), { recursive: true, force: true });
      else await adminQuery(`DROP DATABASE IF EXISTS ${new URL(config.url).pathname.slice(1)} WITH (FORCE)`);
    },
  };
}

async function newSqliteConfig(): Promise<DatabaseConfig> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-sqlite-'));
  return { dialect: 'sqlite', file: path.join(dir, 'kontakta.sqlite') };
}

async function newPostgresConfig(): Promise<DatabaseConfig> {
  const name = `kontakta_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(inject('postgresUrl'));
  url.pathname = `/${name}`;
  return { dialect: 'postgres', url: url.toString(), poolSize: 5 };
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('postgresUrl') });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
