import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-databases.ts';
import { type Database, openDatabase } from './database.ts';
import { precompiledQuery } from './precompiled-query.ts';

// The queries compiled once run on PostgreSQL as named prepared statements (parsed and planned
// once per connection); a migration that changes a prepared query's columns must not break the
// process that prepared it for more than the one call that finds out.

const citizenById = precompiledQuery<{ id: string }, Record<string, unknown>>((db, a) =>
  db.selectFrom('citizen').selectAll().where('id', '=', a.id),
);

describe('prepared statements on postgres', () => {
  let test: TestDatabase;
  // One connection, so that what it has prepared can be read on it.
  let database: Database;
  beforeAll(async () => {
    test = await createTestDatabase('postgres');
    database = openDatabase({ ...test.config, dialect: 'postgres', url: urlOf(test), poolSize: 1 });
    await database.db
      .insertInto('citizen')
      .values({
        id: 'c-1',
        personnummer: '199001011239',
        given_name: 'Alva',
        family_name: 'Berg',
        created_at: 1,
        last_login_at: null,
      })
      .execute();
  });
  afterAll(async () => {
    await database.close();
    await test.drop();
  });

  const preparedOnConnection = async () =>
    (
      await sql<{
        statement: string;
      }>`select statement from pg_prepared_statements where name like 'kontakta_%'`.execute(database.db)
    ).rows.map((row) => row.statement);

  it('runs a query compiled once as a statement the connection has prepared, with the right rows', async () => {
    expect(await citizenById(database.db, { id: 'c-1' })).toEqual([expect.objectContaining({ given_name: 'Alva' })]);
    expect(await citizenById(database.db, { id: 'c-2' })).toEqual([]);
    const prepared = await preparedOnConnection();
    expect(prepared).toHaveLength(1);
    expect(prepared[0]).toContain('from "citizen"');
  });

  it('after a migration changes the columns, fails once and then runs the text unprepared', async () => {
    await citizenById(database.db, { id: 'c-1' });
    await sql`alter table citizen add column probe_note text`.execute(database.db);
    await expect(citizenById(database.db, { id: 'c-1' })).rejects.toMatchObject({ code: '0A000' });
    expect(await citizenById(database.db, { id: 'c-1' })).toEqual([
      expect.objectContaining({ given_name: 'Alva', probe_note: null }),
    ]);
  });
});

function urlOf(test: TestDatabase): string {
  if (test.config.dialect !== 'postgres') throw new Error('a PostgreSQL test database');
  return test.config.url;
}
