import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-databases.ts';
import { type Database, openDatabase } from './database.ts';

// The server opens PostgreSQL's whole pool before it takes requests and keeps it open, so that a
// burst of requests never waits for PostgreSQL to start backends.

describe("PostgreSQL's connection pool", () => {
  let test: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    test = await createTestDatabase('postgres');
    if (test.config.dialect !== 'postgres') throw new Error('a PostgreSQL test database');
    database = openDatabase({ ...test.config, poolSize: 3 });
  });
  afterAll(async () => {
    await database.close();
    await test.drop();
  });

  const backends = async () => {
    const { rows } = await sql<{ connections: number }>`
      select count(*)::int as connections from pg_stat_activity
      where datname = current_database() and backend_type = 'client backend'`.execute(database.db);
    return rows[0]?.connections ?? 0;
  };

  it('opens every connection at once and keeps them idle for the next requests', async () => {
    // Asking opens the first pooled connection (beside any of the test database's own).
    const withOne = await backends();
    expect(database.poolUse?.()).toMatchObject({ total: 1 });
    await database.openPool?.();
    expect(database.poolUse?.()).toEqual({ total: 3, idle: 3, waiting: 0, max: 3 });
    expect(await backends()).toBe(withOne + 2);
    expect(database.poolUse?.()).toMatchObject({ total: 3, idle: 3 });
  });
});
