import type { Insertable, Kysely } from 'kysely';
import type { DatabaseSchema } from '../../packages/server/src/storage/schema.ts';

// Many rows per INSERT statement, through the same Kysely schema the repositories use, so the
// generator writes exactly the rows the server writes, only fewer statements per row. Statements
// stay under SQLite's 32 766 and PostgreSQL's 65 535 bound parameters.

const MAX_PARAMETERS = 30_000;

export async function insertRows<T extends keyof DatabaseSchema & string>(
  db: Kysely<DatabaseSchema>,
  table: T,
  rows: ReadonlyArray<Insertable<DatabaseSchema[T]>>,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(first).length));
  for (let i = 0; i < rows.length; i += perStatement) {
    // Kysely cannot relate a generic table name to its row type; the signature above does.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + perStatement) as never)
      .execute();
  }
}
