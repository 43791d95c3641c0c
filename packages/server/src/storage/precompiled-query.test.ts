import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { precompiledInsert, precompiledQuery } from './precompiled-query.ts';
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

describe('a row inserted by a statement compiled once per set of columns', () => {
  const insertNote = precompiledInsert('errand_note');
  const note = (id: string) => ({
    id,
    errand_id: 'E1',
    author_hsa_id: 'SE-S1',
    content: new Uint8Array([1, 2, 3]),
    created_at: 7,
  });

  it('runs one SQL text for rows of the same columns, each with its own values', async () => {
    const { db, runs } = recordingDatabase();
    await insertNote(db, note('N1'));
    await insertNote(db, note('N2'));
    expect(runs[0]?.sql).toBe(
      'insert into "errand_note" ("id", "errand_id", "author_hsa_id", "content", "created_at") values ($1, $2, $3, $4, $5)',
    );
    expect(runs[1]?.sql).toBe(runs[0]?.sql);
    expect(runs.map((run) => run.parameters[0])).toEqual(['N1', 'N2']);
    expect(runs[1]?.parameters[3]).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('leaves out a column given as undefined, as Kysely does, so its default stands', async () => {
    const { db, runs } = recordingDatabase();
    await insertNote(db, {
      id: 'N3',
      errand_id: 'E1',
      author_hsa_id: undefined,
      content: new Uint8Array(),
      created_at: 1,
    } as never);
    expect(runs[0]?.sql).toBe(
      'insert into "errand_note" ("id", "errand_id", "content", "created_at") values ($1, $2, $3, $4)',
    );
    expect(runs[0]?.parameters).toEqual(['N3', 'E1', new Uint8Array(), 1]);
  });

  it('builds a row holding an SQL expression as it comes, the expression kept in the SQL', async () => {
    const { db, runs } = recordingDatabase();
    await insertNote(db, {
      id: 'N4',
      errand_id: 'E1',
      author_hsa_id: 'SE-S1',
      content: new Uint8Array(),
      created_at: sql<number>`42`,
    } as never);
    expect(runs[0]?.sql).toContain('values ($1, $2, $3, $4, 42)');
  });
});
