import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DatabaseSchema, IdempotencyKeyTable } from '../schema.ts';

export type IdempotencyKeyRow = Selectable<IdempotencyKeyTable>;

/** Which row, and which request holds it. */
export type IdempotencyKeyHolder = Readonly<{ actor: string; key: string; claim: string }>;

/**
 * Claims the key for a new request in one statement, so that of two requests racing with the
 * same key exactly one wins: a new row, or a row taken over because it has expired or its
 * request died without finishing. False when another request holds it or has finished it.
 */
export async function claimIdempotencyKey(
  db: Kysely<DatabaseSchema>,
  row: Omit<Insertable<IdempotencyKeyTable>, 'status_code' | 'response_body'>,
  { expiredBefore, abandonedBefore }: { expiredBefore: number; abandonedBefore: number },
): Promise<boolean> {
  const claimed = await db
    .insertInto('idempotency_key')
    .values({ ...row, status_code: null, response_body: null })
    .onConflict((oc) =>
      oc
        .columns(['actor', 'key'])
        .doUpdateSet({
          claim: row.claim,
          fingerprint: row.fingerprint,
          fingerprint_key_id: row.fingerprint_key_id,
          status_code: null,
          response_body: null,
          created_at: row.created_at,
        })
        .where((eb) =>
          eb.or([
            eb('idempotency_key.created_at', '<', expiredBefore),
            eb.and([
              eb('idempotency_key.status_code', 'is', null),
              eb('idempotency_key.created_at', '<', abandonedBefore),
            ]),
          ]),
        ),
    )
    .returning('claim')
    .executeTakeFirst();
  return claimed?.claim === row.claim;
}

export async function findIdempotencyKey(
  db: Kysely<DatabaseSchema>,
  actor: string,
  key: string,
): Promise<IdempotencyKeyRow | undefined> {
  return db
    .selectFrom('idempotency_key')
    .selectAll()
    .where('actor', '=', actor)
    .where('key', '=', key)
    .executeTakeFirst();
}

/**
 * Stores the response, only while `holder` still holds the key: false when it was taken over
 * meanwhile (the caller then rolls its change back, so the work is not done twice).
 */
export async function completeIdempotencyKey(
  db: Kysely<DatabaseSchema>,
  holder: IdempotencyKeyHolder,
  response: { status_code: number; response_body: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('idempotency_key')
    .set(response)
    .where('actor', '=', holder.actor)
    .where('key', '=', holder.key)
    .where('claim', '=', holder.claim)
    .where('status_code', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Gives the key up after a request that changed nothing, so that a retry does the work. */
export async function releaseIdempotencyKey(db: Kysely<DatabaseSchema>, holder: IdempotencyKeyHolder): Promise<void> {
  await db
    .deleteFrom('idempotency_key')
    .where('actor', '=', holder.actor)
    .where('key', '=', holder.key)
    .where('claim', '=', holder.claim)
    .where('status_code', 'is', null)
    .execute();
}

/** Deletes at most `limit` of the oldest keys created before `expiredBefore`; how many it deleted. */
export async function deleteExpiredIdempotencyKeys(
  db: Kysely<DatabaseSchema>,
  expiredBefore: number,
  limit: number,
): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_key')
    .where(({ eb, refTuple, selectFrom }) =>
      eb(
        refTuple('actor', 'key'),
        'in',
        selectFrom('idempotency_key as expired')
          .select(['expired.actor', 'expired.key'])
          .where('expired.created_at', '<', expiredBefore)
          .orderBy('expired.created_at')
          .limit(limit)
          .$asTuple('actor', 'key'),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
