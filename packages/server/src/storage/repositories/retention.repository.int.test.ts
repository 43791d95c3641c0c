import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../testing/test-databases.ts';
import type { DatabaseSchema } from '../schema.ts';
import { openNodeSqlite } from '../sqlite-driver.ts';
import { countExpiredErrands, listErrandsToNotify, listExpiredErrands } from './retention.repository.ts';

// Retention's expiry lookups must stay an index range scan at national scale (issue 15, point 7):
// the hourly run reads a few hundred expired errands out of millions. The plans are taken for the
// repository's own SQL, captured as it runs. On PostgreSQL the test tables are empty and the
// planner rightly prefers a sequential scan of nothing (or a bitmap scan and a sort of the few rows
// it expects), so the test turns those off in its transaction (`SET LOCAL enable_seqscan = off`,
// `enable_bitmapscan = off`) to show the plan the planner can use and does use once the table is
// large: an index scan in expiry order, no sort (bench/ (i) reports that plan at 200 000 errands).
describe.each(DIALECTS)('retention lookups on %s', (dialect) => {
  let database: TestDatabase;
  let logged: Kysely<DatabaseSchema>;
  const captured: Array<{ sql: string; parameters: readonly unknown[] }> = [];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const log = (event: { level: string; query: { sql: string; parameters: readonly unknown[] } }) => {
      if (event.level === 'query') captured.push({ sql: event.query.sql, parameters: event.query.parameters });
    };
    const config = database.config;
    logged =
      config.dialect === 'sqlite'
        ? new Kysely<DatabaseSchema>({
            dialect: new SqliteDialect({ database: openNodeSqlite(config.file).database }),
            log,
          })
        : new Kysely<DatabaseSchema>({
            dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: config.url, max: 1 }) }),
            log,
          });
  });
  afterAll(async () => {
    await logged?.destroy();
    await database?.drop();
  });

  /** The plan of the first statement `run` makes, as text. */
  async function planOf(run: (db: Kysely<DatabaseSchema>) => Promise<unknown>): Promise<string> {
    return logged.transaction().execute(async (trx) => {
      if (dialect === 'postgres') {
        await trx.executeQuery(CompiledQuery.raw('SET LOCAL enable_seqscan = off'));
        await trx.executeQuery(CompiledQuery.raw('SET LOCAL enable_bitmapscan = off'));
      }
      captured.length = 0;
      await run(trx);
      const query = captured.find((q) => !q.sql.startsWith('SET'));
      if (!query) throw new Error('no statement captured');
      const explain = dialect === 'sqlite' ? 'EXPLAIN QUERY PLAN ' : 'EXPLAIN ';
      const result = await trx.executeQuery<Record<string, unknown>>(
        CompiledQuery.raw(`${explain}${query.sql}`, [...query.parameters]),
      );
      return result.rows.map((row) => String(dialect === 'sqlite' ? row.detail : row['QUERY PLAN'])).join('\n');
    });
  }

  const now = Date.UTC(2027, 0, 1);
  const lookups: Array<[string, (db: Kysely<DatabaseSchema>) => Promise<unknown>]> = [
    ['expired errands, oldest first', (db) => listExpiredErrands(db, now, 200)],
    ['errands to notify', (db) => listErrandsToNotify(db, now, now + 30 * 86_400_000, 200)],
    ['how many have expired', (db) => countExpiredErrands(db, now)],
  ];

  it.each(lookups)('%s: a range of errand_expires_at_idx, no scan of errand and no sort', async (_name, run) => {
    const plan = await planOf(run);
    if (dialect === 'sqlite') {
      expect(plan).toMatch(/SEARCH errand USING (COVERING )?INDEX errand_expires_at_idx \(expires_at[<>]/);
      expect(plan).not.toMatch(/SCAN errand|TEMP B-TREE/);
    } else {
      expect(plan).toMatch(/(Index Scan|Index Only Scan) using errand_expires_at_idx on errand/);
      expect(plan).toMatch(/Index Cond: \(+expires_at [<>]=? /);
      expect(plan).not.toMatch(/Seq Scan on errand|Sort/);
    }
  });
});
