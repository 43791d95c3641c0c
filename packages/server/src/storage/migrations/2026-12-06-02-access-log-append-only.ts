import { type Kysely, PostgresAdapter, sql } from 'kysely';

// The access log is append-only in the database itself, not only by convention: the
// application's own connection cannot change or remove an entry (the hash chain then only has
// to catch someone who also holds the rights to drop these triggers). Nothing in Kontakta
// deletes access-log entries: they outlive the errands they name (the law asks for at least five
// years), and a future clean-up of entries past that age must drop and restore the guard in its
// own documented migration or job.
const MESSAGE = 'the access log is append-only';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql
      .raw(
        `CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION '${MESSAGE}' USING ERRCODE = 'insufficient_privilege'; END $$`,
      )
      .execute(db);
    await sql
      .raw(
        'CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_append_only()',
      )
      .execute(db);
    await sql
      .raw(
        'CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only()',
      )
      .execute(db);
    return;
  }
  for (const event of ['UPDATE', 'DELETE']) {
    await sql
      .raw(
        `CREATE TRIGGER access_log_no_${event.toLowerCase()} BEFORE ${event} ON access_log BEGIN SELECT RAISE(ABORT, '${MESSAGE}'); END`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql.raw('DROP TRIGGER access_log_no_truncate ON access_log').execute(db);
    await sql.raw('DROP TRIGGER access_log_no_change ON access_log').execute(db);
    await sql.raw('DROP FUNCTION access_log_append_only()').execute(db);
    return;
  }
  await sql.raw('DROP TRIGGER access_log_no_delete').execute(db);
  await sql.raw('DROP TRIGGER access_log_no_update').execute(db);
}
