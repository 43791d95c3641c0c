import fs from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-databases.ts';
import { startWalCheckpoints } from './wal-checkpoint.ts';

const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const database of databases.splice(0)) await database.drop();
});

describe('the SQLite WAL', () => {
  it('grows while a reader holds an old snapshot, and is truncated as soon as the reader lets go', async () => {
    const database = await createTestDatabase('sqlite', { open: { groupCommit: true } });
    databases.push(database);
    if (database.config.dialect !== 'sqlite' || !database.walFile) throw new Error('sqlite expected');
    await sql`CREATE TABLE filler (id integer primary key, body text)`.execute(database.db);
    const reader = new DatabaseSync(database.config.file, { readOnly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM filler').get();

    const body = 'x'.repeat(4000);
    for (let batch = 0; batch < 10; batch++) {
      await database.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 600; i++) await sql`INSERT INTO filler (body) VALUES (${body})`.execute(trx);
      });
    }
    await database.whenDurable();
    const grown = fs.statSync(database.walFile).size;
    expect(grown).toBeGreaterThan(16 * 1024 * 1024);

    const warnings: string[] = [];
    let now = Date.now();
    const checkpoints = startWalCheckpoints(
      database,
      { warn: (_fields: object, message: string) => void warnings.push(message), info: () => {} },
      () => now,
    );
    try {
      expect(await checkpoints.runOnce()).toBe('blocked');
      expect(fs.statSync(database.walFile).size).toBe(grown);
      now += 11 * 60_000;
      expect(await checkpoints.runOnce()).toBe('blocked');
      expect(warnings).toEqual([expect.stringMatching(/a reader holds an old snapshot/)]);

      reader.exec('COMMIT');
      reader.close();
      // The server's checkpoint thread (storage/wal-checkpointer.ts) may be copying this WAL right
      // then, a PASSIVE checkpoint every 100 ms; the truncating one gets its turn when it is done.
      let outcome = await checkpoints.runOnce();
      for (let turn = 0; outcome === 'blocked' && turn < 100; turn++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        outcome = await checkpoints.runOnce();
      }
      expect(outcome).toBe('truncated');
      expect(fs.statSync(database.walFile).size).toBe(0);
      // Every row is still there, now in the database file itself.
      const count = await sql<{ n: number }>`SELECT count(*) AS n FROM filler`.execute(database.db);
      expect(count.rows[0]?.n).toBe(6000);
      expect(await checkpoints.runOnce()).toBe('not-needed');
    } finally {
      checkpoints.stop();
    }
  });

  it('is kept under a size limit by SQLite after each reset', async () => {
    const database = await createTestDatabase('sqlite');
    databases.push(database);
    const limit = await sql<{ journal_size_limit: number }>`PRAGMA journal_size_limit`.execute(database.db);
    expect(limit.rows[0]?.journal_size_limit).toBe(64 * 1024 * 1024);
  });
});

describe('PostgreSQL transactions', () => {
  it('left idle in a transaction are ended by the server after five minutes', async () => {
    const database = await createTestDatabase('postgres');
    databases.push(database);
    const setting = await sql<{
      idle_in_transaction_session_timeout: string;
    }>`SHOW idle_in_transaction_session_timeout`.execute(database.db);
    expect(setting.rows[0]?.idle_in_transaction_session_timeout).toBe('5min');
  });
});
