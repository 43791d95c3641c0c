import { type Kysely, PostgresAdapter, sql } from 'kysely';

// A unit's contact card (its opening hours) and reply times decide every reply deadline a staff
// list shows, so each list read them, three statements per unit per page (issue 20: at 1 M errands
// the unit inbox ran 7 statements a request, 3 of them these). They join the reference data each
// process caches (migration -24, storage/reference-cache.ts): a change to either now counts as a
// change of reference data, so no list that starts after it commits shows an old deadline.
const TABLES = ['unit_contact_card', 'unit_reply_time'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // bump_reference_generation() is migration -24's.
    for (const table of TABLES) {
      await sql`create trigger ${sql.raw(`${table}_reference_generation`)}
        after insert or update or delete on ${sql.table(table)}
        for each statement execute function bump_reference_generation()`.execute(db);
    }
    return;
  }
  for (const table of TABLES) {
    for (const change of ['insert', 'update', 'delete']) {
      await sql`create trigger ${sql.raw(`${table}_${change}_reference_generation`)}
        after ${sql.raw(change)} on ${sql.table(table)}
        begin update reference_generation set value = value + 1 where id = 1; end`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const table of TABLES) {
    if (postgres)
      await sql`drop trigger ${sql.raw(`${table}_reference_generation`)} on ${sql.table(table)}`.execute(db);
    else
      for (const change of ['insert', 'update', 'delete'])
        await sql`drop trigger ${sql.raw(`${table}_${change}_reference_generation`)}`.execute(db);
  }
}
