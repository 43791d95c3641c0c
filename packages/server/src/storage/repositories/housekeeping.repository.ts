import { type Kysely, PostgresAdapter, type SelectQueryBuilder } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';

// The housekeeping jobs' deletes (jobs/login-housekeeping.job.ts, jobs/event-housekeeping.job.ts).
// Each deletes at most `limit` rows, oldest first along the table's time index, and returns how
// many it deleted, so that a job can go on in short statements until a batch comes back short.
//
// Every one is a short transaction of two statements: select the keys of the batch along the
// time index (`FOR UPDATE SKIP LOCKED` on PostgreSQL: rows a request holds are left for the next
// run, never waited for, so a clean-up cannot deadlock with a request; SQLite transactions take
// the one write lock first), then delete exactly those keys by primary key. Two statements and not
// `DELETE … WHERE key IN (SELECT … LIMIT n)`, because PostgreSQL may plan that as a scan of every
// old row to join with the batch; a list of keys is always looked up in the primary key.

/** `FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite has one writer at a time and needs no lock. */
function skippingLocked<DB, TB extends keyof DB, O>(
  db: Kysely<DatabaseSchema>,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return db.getExecutor().adapter instanceof PostgresAdapter ? query.forUpdate().skipLocked() : query;
}

/** Selects a batch's keys and deletes them, in one short transaction; how many it deleted. */
async function deleteBatch<K>(
  db: Kysely<DatabaseSchema>,
  select: (trx: Kysely<DatabaseSchema>) => Promise<K[]>,
  remove: (trx: Kysely<DatabaseSchema>, keys: K[]) => Promise<{ numDeletedRows: bigint }>,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const keys = await select(trx);
    return keys.length === 0 ? 0 : Number((await remove(trx, keys)).numDeletedRows);
  });
}

/** E-ID logins begun but not finished, past their end (`takeLoginFlow` refuses them then). */
export function deleteLoginFlowsExpiredBy(db: Kysely<DatabaseSchema>, now: number, limit: number): Promise<number> {
  return deleteBatch(
    db,
    (trx) =>
      skippingLocked(
        trx,
        trx
          .selectFrom('login_flow')
          .select('id_hash')
          .where('expires_at', '<=', now)
          .orderBy('expires_at')
          .limit(limit),
      ).execute(),
    (trx, keys) =>
      trx
        .deleteFrom('login_flow')
        .where(
          'id_hash',
          'in',
          keys.map((key) => key.id_hash),
        )
        .executeTakeFirst(),
  );
}

/** Login codes past their end: the code step and "send a new code" treat them as gone. Used codes are deleted when used. */
export function deleteLoginCodesExpiredBy(db: Kysely<DatabaseSchema>, now: number, limit: number): Promise<number> {
  return deleteBatch(
    db,
    (trx) =>
      skippingLocked(
        trx,
        trx
          .selectFrom('login_code')
          .select('token_hash')
          .where('expires_at', '<=', now)
          .orderBy('expires_at')
          .limit(limit),
      ).execute(),
    (trx, keys) =>
      trx
        .deleteFrom('login_code')
        .where(
          'token_hash',
          'in',
          keys.map((key) => key.token_hash),
        )
        .executeTakeFirst(),
  );
}

/** Address confirmations that expired at or before `expiredBy` (contact_verification_expires_idx). */
export function deleteContactVerificationsExpiredBy(
  db: Kysely<DatabaseSchema>,
  expiredBy: number,
  limit: number,
): Promise<number> {
  return deleteBatch(
    db,
    (trx) =>
      skippingLocked(
        trx,
        trx
          .selectFrom('contact_verification')
          .select(['citizen_id', 'channel'])
          .where('expires_at', '<=', expiredBy)
          .orderBy('expires_at')
          .limit(limit),
      ).execute(),
    (trx, keys) =>
      trx
        .deleteFrom('contact_verification')
        .where(({ eb, refTuple, tuple }) =>
          eb(
            refTuple('citizen_id', 'channel'),
            'in',
            keys.map((key) => tuple(key.citizen_id, key.channel)),
          ),
        )
        .executeTakeFirst(),
  );
}

/**
 * Caregivers' assignment-address confirmations that expired at or before `expiredBy`: one row at
 * most per staff member, so the hourly look goes through the table without an index.
 */
export function deleteStaffContactVerificationsExpiredBy(
  db: Kysely<DatabaseSchema>,
  expiredBy: number,
  limit: number,
): Promise<number> {
  return deleteBatch(
    db,
    (trx) =>
      skippingLocked(
        trx,
        trx
          .selectFrom('staff_contact_verification')
          .select('staff_hsa_id')
          .where('expires_at', '<=', expiredBy)
          .orderBy('expires_at')
          .limit(limit),
      ).execute(),
    (trx, keys) =>
      trx
        .deleteFrom('staff_contact_verification')
        .where(
          'staff_hsa_id',
          'in',
          keys.map((key) => key.staff_hsa_id),
        )
        .executeTakeFirst(),
  );
}

/**
 * Failed-login counters with no failure since `forgetBefore` and no lock left at `now`: the next
 * failure would start them again at one, exactly as for a key with no row.
 */
export function deleteForgottenLoginThrottleBatch(
  db: Kysely<DatabaseSchema>,
  forgetBefore: number,
  now: number,
  limit: number,
): Promise<number> {
  return deleteBatch(
    db,
    (trx) =>
      skippingLocked(
        trx,
        trx
          .selectFrom('login_throttle')
          .select('key')
          .where('last_failure_at', '<', forgetBefore)
          .where('locked_until', '<=', now)
          .orderBy('last_failure_at')
          .limit(limit),
      ).execute(),
    (trx, keys) =>
      trx
        .deleteFrom('login_throttle')
        .where(
          'key',
          'in',
          keys.map((key) => key.key),
        )
        .executeTakeFirst(),
  );
}

/** Message counters whose window began before `before` (no window is longer): they can refuse nothing. */
export function deletePassedMessageLimitBatch(
  db: Kysely<DatabaseSchema>,
  before: number,
  limit: number,
): Promise<number> {
  return deleteBatch(
    db,
    (trx) =>
      skippingLocked(
        trx,
        trx
          .selectFrom('message_limit')
          .select('key')
          .where('window_start', '<', before)
          .orderBy('window_start')
          .limit(limit),
      ).execute(),
    (trx, keys) =>
      trx
        .deleteFrom('message_limit')
        .where(
          'key',
          'in',
          keys.map((key) => key.key),
        )
        .executeTakeFirst(),
  );
}

/** Idempotency keys created before `expiredBefore`: a repeat after that is a new request, row or no row. */
export function deleteIdempotencyKeysExpiredBefore(
  db: Kysely<DatabaseSchema>,
  expiredBefore: number,
  limit: number,
): Promise<number> {
  return deleteBatch(
    db,
    (trx) =>
      skippingLocked(
        trx,
        trx
          .selectFrom('idempotency_key')
          .select(['actor', 'key'])
          .where('created_at', '<', expiredBefore)
          .orderBy('created_at')
          .limit(limit),
      ).execute(),
    (trx, keys) =>
      trx
        .deleteFrom('idempotency_key')
        .where(({ eb, refTuple, tuple }) =>
          eb(
            refTuple('actor', 'key'),
            'in',
            keys.map((row) => tuple(row.actor, row.key)),
          ),
        )
        .executeTakeFirst(),
  );
}

/** Login events (success, refusal, failure) that occurred before `before` (login_event_time_idx). */
export function deleteLoginEventsBefore(db: Kysely<DatabaseSchema>, before: number, limit: number): Promise<number> {
  return deleteBatch(
    db,
    (trx) =>
      trx
        .selectFrom('login_event')
        .select('id')
        .where('occurred_at', '<', before)
        .orderBy('occurred_at')
        .limit(limit)
        .execute(),
    (trx, keys) =>
      trx
        .deleteFrom('login_event')
        .where(
          'id',
          'in',
          keys.map((key) => key.id),
        )
        .executeTakeFirst(),
  );
}

/** Security events that happened before `before` (security_event_at_idx). */
export function deleteSecurityEventsBefore(db: Kysely<DatabaseSchema>, before: number, limit: number): Promise<number> {
  return deleteBatch(
    db,
    (trx) =>
      trx.selectFrom('security_event').select('id').where('at', '<', before).orderBy('at').limit(limit).execute(),
    (trx, keys) =>
      trx
        .deleteFrom('security_event')
        .where(
          'id',
          'in',
          keys.map((key) => key.id),
        )
        .executeTakeFirst(),
  );
}
