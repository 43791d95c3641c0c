import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { startServer } from '../server.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../testing/test-databases.ts';
import { demoRegisters } from '../testing/test-registers.ts';
import { type Database, openDatabase } from './database.ts';
import { checkDurability } from './durability.ts';
import { migrations } from './migrations/index.ts';
import { migrateToLatest } from './migrator.ts';

const opened: TestDatabase[] = [];
async function fresh(dialect: (typeof DIALECTS)[number], migrate = true) {
  const database = await createTestDatabase(dialect, { migrate });
  opened.push(database);
  return database;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.drop()));
});

// Type names differ between the databases; these are the families a migration may use.
const TYPE_FAMILY: Record<string, string> = {
  text: 'text',
  varchar: 'text',
  int4: 'integer',
  integer: 'integer',
  int8: 'bigint',
  bigint: 'bigint',
  bool: 'boolean',
  boolean: 'boolean',
  bytea: 'bytes',
  blob: 'bytes',
  real: 'real',
  float8: 'real',
};

async function schemaOf(database: Database) {
  const tables = await database.db.introspection.getTables();
  const columns = tables
    .filter((t) => !t.name.startsWith('kontakta_migration'))
    .flatMap((t) =>
      t.columns.map(
        (c) =>
          `${t.name}.${c.name} ${TYPE_FAMILY[c.dataType.toLowerCase()] ?? `?${c.dataType}`}${c.isNullable ? ' null' : ''}`,
      ),
    );
  const indexes =
    database.dialect === 'sqlite'
      ? await sql<{ name: string }>`SELECT tbl_name || '.' || name AS name FROM sqlite_master
          WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%'`.execute(database.db)
      : await sql<{ name: string }>`SELECT tablename || '.' || indexname AS name FROM pg_indexes
          WHERE schemaname = 'public' AND indexname NOT IN (SELECT conname FROM pg_constraint)`.execute(database.db);
  return {
    columns: columns.sort(),
    indexes: indexes.rows
      .map((r) => r.name)
      .filter((n) => !n.startsWith('kontakta_migration'))
      .sort(),
  };
}

describe('migrations', () => {
  it('produce the same tables, columns and indexes on SQLite and PostgreSQL', async () => {
    const [sqlite, postgres] = await Promise.all([fresh('sqlite'), fresh('postgres')]);
    const [a, b] = await Promise.all([schemaOf(sqlite), schemaOf(postgres)]);
    expect(a.columns.filter((c) => c.includes('?'))).toEqual([]);
    expect(a.columns.length).toBeGreaterThan(0);
    expect(a).toEqual(b);
  });

  it.each(DIALECTS)('are idempotent on %s: a second run applies nothing', async (dialect) => {
    const database = await fresh(dialect);
    expect(await migrateToLatest(database.db)).toEqual([]);
  });

  it.each(DIALECTS)('run in one go on an empty %s database', async (dialect) => {
    const database = await fresh(dialect, false);
    const applied = await migrateToLatest(database.db);
    expect(applied).toEqual(Object.keys(migrations).sort());
  });
});

describe('durability', () => {
  it.each(DIALECTS)('%s as opened by Kontakta keeps confirmed writes', async (dialect) => {
    const database = await fresh(dialect);
    const report = await checkDurability(database);
    expect(report.problems).toEqual([]);
    expect(report.durable).toBe(true);
    if (dialect === 'sqlite') {
      expect(report.settings).toMatchObject({ journal_mode: 'wal', synchronous: 'FULL' });
      // The page cache of DEFAULT_SQLITE_CACHE_MB (negative = KiB).
      const cache = await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(database.db);
      expect(cache.rows[0]?.cache_size).toBe(-16 * 1024);
    } else expect(report.settings).toMatchObject({ fsync: 'on', synchronous_commit: 'on' });
  });

  it('accepts SQLite with NORMAL only with group commit, whose writes are durable once it says so', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-group-commit-'));
    const file = path.join(dir, 'kontakta.sqlite');
    const database = openDatabase({ dialect: 'sqlite', file }, { groupCommit: true });
    try {
      const report = await checkDurability(database);
      expect(report).toMatchObject({ durable: true, settings: { synchronous: 'NORMAL + group commit' } });
      await migrateToLatest(database.db);
      await database.whenDurable();
      expect(database.whenDurable()).toBeUndefined();
      await database.db.transaction().execute(async (trx) => {
        await sql`CREATE TABLE group_commit_probe (id integer primary key)`.execute(trx);
        await sql`INSERT INTO group_commit_probe (id) VALUES (1)`.execute(trx);
      });
      const pending = database.whenDurable();
      expect(pending).toBeInstanceOf(Promise);
      await pending;
      expect(database.whenDurable()).toBeUndefined();
      // A write outside a transaction commits too, and is synced the same way.
      await sql`INSERT INTO group_commit_probe (id) VALUES (2)`.execute(database.db);
      expect(database.whenDurable()).toBeInstanceOf(Promise);
      await database.whenDurable();
    } finally {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports SQLite with synchronous=NORMAL as able to lose writes', async () => {
    const database = await fresh('sqlite');
    await sql`PRAGMA synchronous = NORMAL`.execute(database.db);
    const report = await checkDurability(database);
    expect(report.durable).toBe(false);
    expect(report.problems.join()).toMatch(/synchronous is NORMAL/);
  });

  it('the server refuses to start on PostgreSQL with synchronous_commit off, unless told it is a throw-away', async () => {
    const database = await fresh('postgres');
    if (database.config.dialect !== 'postgres') throw new Error('expected postgres');
    const name = new URL(database.config.url).pathname.slice(1);
    const client = new pg.Client({ connectionString: database.config.url });
    await client.connect();
    await client.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
    await client.end();

    const env = {
      KONTAKTA_DEMO: 'true',
      KONTAKTA_DATABASE_URL: database.config.url,
      PORT: '0',
      KONTAKTA_LOG_LEVEL: 'silent',
    };
    await expect(startServer(loadConfig(env))).rejects.toThrow(/synchronous_commit is off/);

    const server = await startServer(loadConfig({ ...env, KONTAKTA_ALLOW_UNSAFE_DURABILITY: 'true' }), {
      registers: demoRegisters(),
    });
    await server.close();
  });
});

describe('transactions', () => {
  it('on SQLite, a transaction that reads and then writes waits for another process holding the write lock', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-two-writers-'));
    const file = path.join(dir, 'kontakta.sqlite');
    const database = openDatabase({ dialect: 'sqlite', file });
    try {
      await sql`CREATE TABLE counter (id integer primary key, value integer not null)`.execute(database.db);
      await sql`INSERT INTO counter (id, value) VALUES (1, 0)`.execute(database.db);
      // The other "process": a thread with its own connection that holds the write lock a while.
      const other = new Worker(
        `const { DatabaseSync } = require('node:sqlite');
         const { parentPort, workerData } = require('node:worker_threads');
         const db = new DatabaseSync(workerData);
         db.exec('PRAGMA busy_timeout = 5000; BEGIN IMMEDIATE; UPDATE counter SET value = value + 1 WHERE id = 1');
         parentPort.postMessage('locked');
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
         db.exec('COMMIT');
         db.close();`,
        { eval: true, workerData: file },
      );
      await new Promise((resolve) => other.once('message', resolve));
      // Read, then write, in one transaction (as sending or answering an errand does).
      await database.db.transaction().execute(async (trx) => {
        const row = await sql<{ value: number }>`SELECT value FROM counter WHERE id = 1`.execute(trx);
        await sql`UPDATE counter SET value = ${(row.rows[0]?.value ?? 0) + 10} WHERE id = 1`.execute(trx);
      });
      await new Promise((resolve) => other.once('exit', resolve));
      const after = await sql<{ value: number }>`SELECT value FROM counter WHERE id = 1`.execute(database.db);
      // Both writes count: ours started after the other's committed, so it read 1.
      expect(after.rows[0]?.value).toBe(11);
    } finally {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(DIALECTS)('on %s, a failing multi-row write leaves nothing behind', async (dialect) => {
    const database = await fresh(dialect);
    const now = Date.now();
    await expect(
      database.db.transaction().execute(async (trx) => {
        await trx.insertInto('region').values({ code: '99', name: 'Testregion', updated_at: now }).execute();
        // A unit in an unknown region violates the foreign key and must undo the region too.
        await trx
          .insertInto('care_unit')
          .values({
            hsa_id: 'SE-TEST-1',
            name: 'x',
            region_code: 'no-such-region',
            kind: 'primary-care',
            municipality_code: '0180',
            municipality_name: 'Stockholm',
            street: 's',
            postal_code: '11111',
            city: 'Stockholm',
            search_text: 'x',
            updated_at: now,
          })
          .execute();
      }),
    ).rejects.toThrow();
    expect(await database.db.selectFrom('region').selectAll().execute()).toEqual([]);
  });

  it.each(DIALECTS)('on %s, times read back as numbers', async (dialect) => {
    const database = await fresh(dialect);
    await database.db
      .insertInto('region')
      .values({ code: '01', name: 'Region Stockholm', updated_at: 1_700_000_000_123 })
      .execute();
    const row = await database.db.selectFrom('region').selectAll().executeTakeFirstOrThrow();
    expect(row.updated_at).toBe(1_700_000_000_123);
  });
});
