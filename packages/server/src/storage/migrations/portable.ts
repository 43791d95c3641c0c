import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Column types that differ between SQLite and PostgreSQL, so a migration can stay one file.

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Epoch milliseconds. */
export function timestampType(_db: Kysely<unknown>) {
  return 'bigint' as const;
}

/** Raw bytes: ciphertexts, hashes. */
export function binaryType(db: Kysely<unknown>) {
  return isPostgres(db) ? sql`bytea` : sql`blob`;
}
