import { type Kysely, PostgresAdapter, sql } from 'kysely';

// The unit's chain head follows every entry appended to the access log, moved by the database in
// the entry's own statement: one round trip less per staff access while the head's row lock is
// held (PostgreSQL serialises a unit's readers on it), and no writer can append without moving
// it. Only forward: an entry below the head (a forgery at a pruned position) leaves the head
// where it is, for the verifier to find.
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function access_log_move_head() returns trigger language plpgsql as $$
      begin
        update access_log_head set position = new.position, hash = new.hash
          where unit_hsa_id = new.unit_hsa_id and position < new.position;
        return null;
      end $$`.execute(db);
    await sql`create trigger access_log_moves_head after insert on access_log
      for each row execute function access_log_move_head()`.execute(db);
    return;
  }
  await sql`create trigger access_log_moves_head after insert on access_log
    begin
      update access_log_head set position = new.position, hash = new.hash
        where unit_hsa_id = new.unit_hsa_id and position < new.position;
    end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop trigger access_log_moves_head on access_log`.execute(db);
    await sql`drop function access_log_move_head()`.execute(db);
    return;
  }
  await sql`drop trigger access_log_moves_head`.execute(db);
}
