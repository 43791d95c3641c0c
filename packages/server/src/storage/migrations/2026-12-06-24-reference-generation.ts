import { type Kysely, PostgresAdapter, sql } from 'kysely';

// A count of changes to the reference data that sends and opens read on every request (units,
// their settings, offering, closures and form versions; the region's frame). Triggers keep it, so
// no writer can forget to (an admin route, a job, the CLI or another server process). Each process
// caches that data and empties its cache when a session lookup reads a newer count
// (storage/reference-cache.ts).
export const REFERENCE_TABLES = [
  'care_unit',
  'unit_setting',
  'unit_errand_type',
  'region_errand_type_policy',
  'unit_closure',
  'form_version',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reference_generation')
    .addColumn('id', 'integer', (c) => c.primaryKey().notNull())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into reference_generation (id, value) values (1, 1)`.execute(db);
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function bump_reference_generation() returns trigger language plpgsql as $$
      begin update reference_generation set value = value + 1 where id = 1; return null; end $$`.execute(db);
    for (const table of REFERENCE_TABLES) {
      await sql`create trigger ${sql.raw(`${table}_reference_generation`)}
        after insert or update or delete on ${sql.table(table)}
        for each statement execute function bump_reference_generation()`.execute(db);
    }
    return;
  }
  // SQLite has row triggers only, one per kind of change.
  for (const table of REFERENCE_TABLES) {
    for (const change of ['insert', 'update', 'delete']) {
      await sql`create trigger ${sql.raw(`${table}_${change}_reference_generation`)}
        after ${sql.raw(change)} on ${sql.table(table)}
        begin update reference_generation set value = value + 1 where id = 1; end`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const table of REFERENCE_TABLES) {
      await sql`drop trigger ${sql.raw(`${table}_reference_generation`)} on ${sql.table(table)}`.execute(db);
    }
    await sql`drop function bump_reference_generation()`.execute(db);
  } else {
    for (const table of REFERENCE_TABLES) {
      for (const change of ['insert', 'update', 'delete']) {
        await sql`drop trigger ${sql.raw(`${table}_${change}_reference_generation`)}`.execute(db);
      }
    }
  }
  await db.schema.dropTable('reference_generation').execute();
}
