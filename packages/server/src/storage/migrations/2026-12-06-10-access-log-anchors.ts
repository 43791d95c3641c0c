import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { timestampType } from './portable.ts';

// Pruning the access log after its keep period (jobs/access-log-pruning.job.ts), without breaking
// its hash chains and without opening the append-only guard (2026-12-06-02) to anything else.
//
// `access_log_anchor` holds, per unit, the position and hash of the last pruned entry: the chain
// is verified from there (the first remaining entry's `previous_hash` must equal the anchor's hash).
// The guard now lets a DELETE through only for an entry that
//   1. lies at or below its unit's anchor, which the pruning transaction moves first, and
//   2. is older than FLOOR_DAYS by the database's own clock.
// And the anchor is guarded too: it can only be written naming an existing entry (same position,
// hash and time) that is itself older than the floor, only move forward, and never be removed.
// So the application's own connection can remove nothing but a prefix of old entries, and only
// by leaving an anchor that tells where the chain now starts; it still cannot change an entry.
//
// Why not suspend the guard for the pruning (a `SET LOCAL` setting on PostgreSQL, a control row on
// SQLite)? Whoever can set the switch on the application's connection could then remove any entry,
// recent ones included: the guard would guard nothing. These conditions are checked on each row.
//
// FLOOR_DAYS is below any five calendar years (≥ 1825 days), the shortest keep period
// (KONTAKTA_ACCESS_LOG_KEEP_YEARS ≥ 5), with some slack for a database clock behind the servers'.
const FLOOR_DAYS = 1800;
const FLOOR_MS = FLOOR_DAYS * 86_400_000;
const MESSAGE = 'the access log is append-only';
const ANCHOR_MESSAGE =
  'an access-log anchor must name an existing entry older than the keep period and only move forward';

const PG_FLOOR = `(extract(epoch from now()) * 1000)::bigint - ${FLOOR_MS}`;
const SQLITE_FLOOR = `CAST(strftime('%s', 'now') AS INTEGER) * 1000 - ${FLOOR_MS}`;

/** The anchor names an existing entry older than the floor (the same condition on both databases). */
const anchoredEntryExists = (floor: string) =>
  `EXISTS (SELECT 1 FROM access_log e WHERE e.unit_hsa_id = NEW.unit_hsa_id AND e.position = NEW.position
     AND e.hash = NEW.hash AND e.at = NEW.last_at AND e.at < ${floor})`;

/** An entry lies at or below its unit's anchor. */
const anchorCovers = (row: 'OLD' | 'NEW') =>
  `${row}.position <= COALESCE((SELECT a.position FROM access_log_anchor a WHERE a.unit_hsa_id = ${row}.unit_hsa_id), 0)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('access_log_anchor')
    .addColumn('unit_hsa_id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('last_at', timestampType(db), (c) => c.notNull())
    .addColumn('pruned_at', timestampType(db), (c) => c.notNull())
    .execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql
      .raw(
        `CREATE FUNCTION access_log_prune_only() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF TG_OP = 'DELETE' AND OLD.at < ${PG_FLOOR} AND ${anchorCovers('OLD')} THEN RETURN OLD; END IF;
           RAISE EXCEPTION '${MESSAGE}' USING ERRCODE = 'insufficient_privilege';
         END $$`,
      )
      .execute(db);
    await sql.raw('DROP TRIGGER access_log_no_change ON access_log').execute(db);
    await sql
      .raw(
        'CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_prune_only()',
      )
      .execute(db);
    // A pruned position is free in the unique key again: nothing may be written there.
    await sql
      .raw(
        `CREATE FUNCTION access_log_after_anchor() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF ${anchorCovers('NEW')} THEN RAISE EXCEPTION '${MESSAGE}' USING ERRCODE = 'insufficient_privilege'; END IF;
           RETURN NEW;
         END $$`,
      )
      .execute(db);
    await sql
      .raw(
        'CREATE TRIGGER access_log_after_anchor BEFORE INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_after_anchor()',
      )
      .execute(db);
    await sql
      .raw(
        `CREATE FUNCTION access_log_anchor_checked() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
             RAISE EXCEPTION '${ANCHOR_MESSAGE}' USING ERRCODE = 'insufficient_privilege';
           END IF;
           IF TG_OP = 'UPDATE' AND (NEW.unit_hsa_id <> OLD.unit_hsa_id OR NEW.position <= OLD.position) THEN
             RAISE EXCEPTION '${ANCHOR_MESSAGE}' USING ERRCODE = 'insufficient_privilege';
           END IF;
           IF NOT ${anchoredEntryExists(PG_FLOOR)} THEN
             RAISE EXCEPTION '${ANCHOR_MESSAGE}' USING ERRCODE = 'insufficient_privilege';
           END IF;
           RETURN NEW;
         END $$`,
      )
      .execute(db);
    await sql
      .raw(
        'CREATE TRIGGER access_log_anchor_checked BEFORE INSERT OR UPDATE OR DELETE ON access_log_anchor FOR EACH ROW EXECUTE FUNCTION access_log_anchor_checked()',
      )
      .execute(db);
    await sql
      .raw(
        'CREATE TRIGGER access_log_anchor_no_truncate BEFORE TRUNCATE ON access_log_anchor FOR EACH STATEMENT EXECUTE FUNCTION access_log_anchor_checked()',
      )
      .execute(db);
    return;
  }

  // SQLite: the same conditions as WHEN clauses; the trigger names stay those of 2026-12-06-02.
  await sql.raw('DROP TRIGGER access_log_no_delete').execute(db);
  await sql
    .raw(
      `CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
       WHEN NOT (OLD.at < ${SQLITE_FLOOR} AND ${anchorCovers('OLD')})
       BEGIN SELECT RAISE(ABORT, '${MESSAGE}'); END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER access_log_after_anchor BEFORE INSERT ON access_log WHEN ${anchorCovers('NEW')}
       BEGIN SELECT RAISE(ABORT, '${MESSAGE}'); END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER access_log_anchor_checked_insert BEFORE INSERT ON access_log_anchor
       WHEN NOT ${anchoredEntryExists(SQLITE_FLOOR)}
       BEGIN SELECT RAISE(ABORT, '${ANCHOR_MESSAGE}'); END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER access_log_anchor_checked_update BEFORE UPDATE ON access_log_anchor
       WHEN NEW.unit_hsa_id <> OLD.unit_hsa_id OR NEW.position <= OLD.position OR NOT ${anchoredEntryExists(SQLITE_FLOOR)}
       BEGIN SELECT RAISE(ABORT, '${ANCHOR_MESSAGE}'); END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER access_log_anchor_no_delete BEFORE DELETE ON access_log_anchor
       BEGIN SELECT RAISE(ABORT, '${ANCHOR_MESSAGE}'); END`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql.raw('DROP TRIGGER access_log_after_anchor ON access_log').execute(db);
    await sql.raw('DROP FUNCTION access_log_after_anchor()').execute(db);
    await sql.raw('DROP TRIGGER access_log_no_change ON access_log').execute(db);
    await sql
      .raw(
        'CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_append_only()',
      )
      .execute(db);
    await sql.raw('DROP FUNCTION access_log_prune_only()').execute(db);
    await db.schema.dropTable('access_log_anchor').execute();
    await sql.raw('DROP FUNCTION access_log_anchor_checked()').execute(db);
    return;
  }
  await sql.raw('DROP TRIGGER access_log_after_anchor').execute(db);
  await sql.raw('DROP TRIGGER access_log_no_delete').execute(db);
  await sql
    .raw(`CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log BEGIN SELECT RAISE(ABORT, '${MESSAGE}'); END`)
    .execute(db);
  // The anchor's triggers go with its table.
  await db.schema.dropTable('access_log_anchor').execute();
}
