import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { precompiledQuery } from './precompiled-query.ts';
import type { DatabaseSchema } from './schema.ts';

// A database that records what it is asked to run, to see the SQL and parameters of each run.
function recordingDatabase() {
  const runs: Array<{ sql: string; parameters: readonly unknown[] }> = [];
  const db = new Kysely<DatabaseSchema>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () =>
        Object.assign(new DummyDriver(), {
          acquireConnection: async () => ({
            executeQuery: async (query: { sql: string; parameters: readonly unknown[] }) => {
              runs.push({ sql: query.sql, parameters: query.parameters });
              return { rows: [{ n: runs.length }] };
            },
            streamQuery: () => {
              throw new Error('not used');
            },
          }),
        }),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return { db, runs };
}

describe('a query compiled once', () => {
  it('runs the same SQL with each call’s arguments, constants kept', async () => {
    const { db, runs } = recordingDatabase();
    const byUnit = precompiledQuery<{ unit: string; since: number }, { n: number }>((d, a) =>
      d
        .selectFrom('errand')
        .select('id')
        .where('unit_hsa_id', '=', a.unit)
        .where('status', '=', 'new')
        .where('created_at', '>=', a.since),
    );
    expect(await byUnit(db, { unit: 'SE1', since: 5 })).toEqual([{ n: 1 }]);
    await byUnit(db, { unit: 'SE2', since: 7 });
    expect(runs[0]?.sql).toBe(runs[1]?.sql);
    expect(runs.map((run) => run.parameters)).toEqual([
      ['SE1', 'new', 5],
      ['SE2', 'new', 7],
    ]);
  });

  it('refuses an argument that did not become a parameter (it would be compiled into the SQL)', async () => {
    const { db } = recordingDatabase();
    const wrong = precompiledQuery<{ column: string }, unknown>((d, a) =>
      d
        .selectFrom('errand')
        .select('id')
        .where(sql.ref(String(a.column)), '=', 1),
    );
    await expect(wrong(db, { column: 'id' })).rejects.toThrow('not a parameter: column');
  });
});
