import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';

/** Key ids of the monthly deletion keys (encryption/deletion-keys.ts holds the same prefix). */
const DELETION_KEY_PREFIX = 'deletion:';

function isDeletionKeyId(keyId: string): boolean {
  return keyId.startsWith(DELETION_KEY_PREFIX);
}

/**
 * Every table whose rows carry a data key wrapped by a key named in `key_id`: a master key, or for
 * errands a month's deletion key (`deletion:YYYY-MM`, see encryption/deletion-keys.ts), which
 * master-key rotation leaves alone: it re-wraps the deletion keys themselves. `oidc_signing_key`:
 * the OpenID provider's signing key (openid-provider/signing-key.ts).
 */
export const WRAPPED_KEY_TABLES = ['errand', 'calendar_note', 'oidc_signing_key'] as const;
export type WrappedKeyTable = (typeof WRAPPED_KEY_TABLES)[number];

export type WrappedKeyRow = { id: string; wrapped_key: Uint8Array; key_id: string };

/**
 * The master key ids the data references. A loose index scan (one probe of the key_id index
 * per distinct key) on both databases, so it stays instant with millions of errands.
 */
export async function listKeyIdsInUse(db: Kysely<DatabaseSchema>): Promise<string[]> {
  const ids = new Set<string>();
  for (const table of WRAPPED_KEY_TABLES) {
    const result = await sql<{ key_id: string | null }>`
      with recursive used(key_id) as (
        select min(key_id) from ${sql.table(table)}
        union all
        select (select min(key_id) from ${sql.table(table)} where key_id > used.key_id)
        from used where used.key_id is not null
      )
      select key_id from used where key_id is not null`.execute(db);
    for (const row of result.rows) if (row.key_id !== null && !isDeletionKeyId(row.key_id)) ids.add(row.key_id);
  }
  return [...ids].sort();
}

/** One row wrapped by `keyId`, to prove at start that the loaded key with that id is the right one. */
export async function findRowWrappedBy(db: Kysely<DatabaseSchema>, keyId: string): Promise<WrappedKeyRow | undefined> {
  for (const table of WRAPPED_KEY_TABLES) {
    const row = await db
      .selectFrom(table)
      .select(['id', 'wrapped_key', 'key_id'])
      .where('key_id', '=', keyId)
      .limit(1)
      .executeTakeFirst();
    if (row) return row;
  }
  return undefined;
}

/** How many rows, in all tables, have their data key wrapped by `keyId`. */
export async function countRowsWrappedBy(db: Kysely<DatabaseSchema>, keyId: string): Promise<number> {
  let count = 0;
  for (const table of WRAPPED_KEY_TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('key_id', '=', keyId)
      .executeTakeFirstOrThrow();
    count += Number(row.n);
  }
  return count;
}

/** How many rows, in all tables, still have their data key wrapped by another key than `keyId`. */
export async function countRowsNotWrappedBy(db: Kysely<DatabaseSchema>, keyId: string): Promise<number> {
  let count = 0;
  for (const table of WRAPPED_KEY_TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('key_id', '!=', keyId)
      .where('key_id', 'not like', `${DELETION_KEY_PREFIX}%`)
      .executeTakeFirstOrThrow();
    count += Number(row.n);
  }
  return count;
}

/** The next batch of rows wrapped by another key than `keyId`, after `afterId` (keyset paging). */
export async function listRowsNotWrappedBy(
  db: Kysely<DatabaseSchema>,
  table: WrappedKeyTable,
  { keyId, afterId, limit }: { keyId: string; afterId: string | null; limit: number },
): Promise<WrappedKeyRow[]> {
  let query = db
    .selectFrom(table)
    .select(['id', 'wrapped_key', 'key_id'])
    .where('key_id', '!=', keyId)
    .where('key_id', 'not like', `${DELETION_KEY_PREFIX}%`)
    .orderBy('id')
    .limit(limit);
  if (afterId !== null) query = query.where('id', '>', afterId);
  return query.execute();
}

/** Replaces one row's wrapped key, only if it is still wrapped as read (a concurrent change wins). */
export async function replaceWrappedKey(
  db: Kysely<DatabaseSchema>,
  table: WrappedKeyTable,
  { id, previousKeyId, wrapped, keyId }: { id: string; previousKeyId: string; wrapped: Uint8Array; keyId: string },
): Promise<void> {
  await db
    .updateTable(table)
    .set({ wrapped_key: wrapped, key_id: keyId })
    .where('id', '=', id)
    .where('key_id', '=', previousKeyId)
    .execute();
}
