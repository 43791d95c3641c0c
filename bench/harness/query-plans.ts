import { Kysely, PostgresDialect, type QueryResult, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../../packages/server/src/config/config.ts';
import { listAccessLogForCitizen } from '../../packages/server/src/storage/repositories/access-log.repository.ts';
import {
  countCitizenErrands,
  countUnitErrands,
  listCitizenErrands,
  listUnitErrands,
} from '../../packages/server/src/storage/repositories/errand.repository.ts';
import { listExpiredErrands } from '../../packages/server/src/storage/repositories/retention.repository.ts';
import type { DatabaseSchema } from '../../packages/server/src/storage/schema.ts';
import { openNodeSqlite } from '../../packages/server/src/storage/sqlite-driver.ts';

// The database's plans for the queries behind the cost-curve benchmarks, taken from the
// repositories' own SQL (captured as they run) so the plan is the one the server gets.

export type QueryPlan = { name: string; sql: string; plan: string };

type Queries = Array<[string, (db: Kysely<DatabaseSchema>) => Promise<unknown>]>;

export function explainCostCurveQueries(
  config: DatabaseConfig,
  sample: { citizenId: string; heavyCitizenId: string; unitHsaId: string; receiverHsaId: string },
): Promise<QueryPlan[]> {
  return explainQueries(config, [
    ['(b) citizen inbox, first page', (db) => listCitizenErrands(db, sample.citizenId, 'inbox', 21)],
    ['(b) citizen folder counts', (db) => countCitizenErrands(db, sample.citizenId)],
    [
      '(b) heavy user, archive page 6',
      (db) =>
        listCitizenErrands(db, sample.heavyCitizenId, 'archive', 21, { at: Date.now() - 200 * 86_400_000, id: 'z' }),
    ],
    [
      '(c) unit inbox, unanswered',
      (db) => listUnitErrands(db, sample.unitHsaId, { statuses: ['new', 'open', 'assigned'] }, 26),
    ],
    ['(c) unit inbox, all', (db) => listUnitErrands(db, sample.unitHsaId, {}, 26)],
    ['(c) unit inbox, closed', (db) => listUnitErrands(db, sample.unitHsaId, { statuses: ['closed'] }, 26)],
    [
      '(c) count: mine',
      (db) =>
        countUnitErrands(db, sample.unitHsaId, {
          statuses: ['assigned', 'answered'],
          assignedTo: sample.receiverHsaId,
        }),
    ],
    ['(c) count: unassigned', (db) => countUnitErrands(db, sample.unitHsaId, { statuses: ['new', 'open'] })],
    ['(f) access log of a citizen', (db) => listAccessLogForCitizen(db, sample.citizenId, 51)],
  ]);
}

/** Retention's expiry lookup (i), taken once errands have expired. */
export function explainRetentionQueries(config: DatabaseConfig, now: number): Promise<QueryPlan[]> {
  return explainQueries(config, [
    ['(i) retention: the next batch of expired errands', (db) => listExpiredErrands(db, now, 200)],
  ]);
}

/** Each query's plan (on PostgreSQL with ANALYZE and BUFFERS), for the first statement it runs. */
async function explainQueries(config: DatabaseConfig, queries: Queries): Promise<QueryPlan[]> {
  const captured: Array<{ sql: string; parameters: readonly unknown[] }> = [];
  const log = (event: { level: string; query: { sql: string; parameters: readonly unknown[] } }) => {
    if (event.level === 'query') captured.push({ sql: event.query.sql, parameters: event.query.parameters });
  };
  const db =
    config.dialect === 'sqlite'
      ? new Kysely<DatabaseSchema>({
          dialect: new SqliteDialect({ database: openNodeSqlite(config.file).database }),
          log,
        })
      : new Kysely<DatabaseSchema>({
          dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: config.url, max: 1 }) }),
          log,
        });
  const plans: QueryPlan[] = [];
  try {
    for (const [name, run] of queries) {
      captured.length = 0;
      await run(db);
      const query = captured[0];
      if (!query) continue;
      const explained: QueryResult<Record<string, unknown>> =
        config.dialect === 'sqlite'
          ? await sql<
              Record<string, unknown>
            >`EXPLAIN QUERY PLAN ${sql.raw(inline(query.sql, query.parameters))}`.execute(db)
          : await sql<
              Record<string, unknown>
            >`EXPLAIN (ANALYZE, BUFFERS) ${sql.raw(inline(query.sql, query.parameters))}`.execute(db);
      const plan =
        config.dialect === 'sqlite'
          ? explained.rows.map((row) => String(row.detail)).join('\n')
          : explained.rows.map((row) => String(row['QUERY PLAN'])).join('\n');
      plans.push({ name, sql: inline(query.sql, query.parameters), plan });
    }
  } finally {
    await db.destroy();
  }
  return plans;
}

/** The statement with its parameters written in, for EXPLAIN (benchmark values only: ids and numbers). */
function inline(text: string, parameters: readonly unknown[]): string {
  const literal = (value: unknown) =>
    typeof value === 'number' ? String(value) : value === null ? 'NULL' : `'${String(value).replaceAll("'", "''")}'`;
  if (text.includes('$1')) return text.replace(/\$(\d+)/g, (_, n: string) => literal(parameters[Number(n) - 1]));
  let index = 0;
  return text.replace(/\?/g, () => literal(parameters[index++]));
}
