import { type Kysely, PostgresAdapter, sql } from 'kysely';

// The unit's chain head follows every entry appended to the access log, moved by the database in
// the entry's own statement: one round trip less per staff access while the head's row lock is
// held (PostgreSQL serialises a unit's readers on it), and no writer can append without moving
// it. Only forward: an entry below the head (a forgery at a pruned position) leaves the head
// where it is, for the verifier to find.
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // Once per statement, to the last entry of each unit it appended: a page of 25 list views is
    // one update of the head row, not 25 versions of it.
    await sql`create function access_log_move_head() returns trigger language plpgsql as $$
      begin
        update access_log_head h set position = n.position, hash = n.hash
          from (select distinct on (unit_hsa_id) unit_hsa_id, position, hash
                  from appended order by unit_hsa_id, position desc) n
          where h.unit_hsa_id = n.unit_hsa_id and h.position < n.position;
        return null;
      end $$`.execute(db);
    await sql`create trigger access_log_moves_head after insert on access_log
      referencing new table as appended
      for each statement execute function access_log_move_head()`.execute(db);
    return;
  }
  // SQLite has row triggers only: the head moves entry by entry within the statement.
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
