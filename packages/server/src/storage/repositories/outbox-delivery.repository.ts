import { type Kysely, PostgresAdapter } from 'kysely';
import type { DatabaseSchema, OutboxStatus } from '../schema.ts';
import type { OutboxRow } from './outbox.repository.ts';

// The outbox worker's SQL: claim due rows under a lease, then record each outcome.

/** Statuses a worker may pick up once `next_attempt_at` has passed ('sending' = lease ran out). */
const CLAIMABLE: OutboxStatus[] = ['pending', 'failed', 'sending'];

/**
 * Claims up to `limit` due rows for `claimant` in one statement: they become 'sending', their
 * attempt count goes up, and `next_attempt_at` becomes the lease end. On PostgreSQL the inner
 * select locks with `FOR UPDATE SKIP LOCKED`, so concurrent workers in several processes never
 * claim the same row; on SQLite the single statement runs under the database's one write lock.
 */
export async function claimDueOutboxMessages(
  db: Kysely<DatabaseSchema>,
  options: { claimant: string; now: number; leaseMs: number; limit: number },
): Promise<OutboxRow[]> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return db
    .updateTable('outbox')
    .set((eb) => ({
      status: 'sending',
      claimed_by: options.claimant,
      attempts: eb('attempts', '+', 1),
      last_attempt_at: options.now,
      next_attempt_at: options.now + options.leaseMs,
    }))
    .where('id', 'in', (eb) => {
      const due = eb
        .selectFrom('outbox')
        .select('id')
        .where('status', 'in', CLAIMABLE)
        .where('next_attempt_at', '<=', options.now)
        .orderBy('next_attempt_at')
        .limit(options.limit);
      return postgres ? due.forUpdate().skipLocked() : due;
    })
    .returningAll()
    .execute();
}

/** Records a delivery; false when the claim was lost (another worker took over after the lease). */
export async function markOutboxMessageSent(
  db: Kysely<DatabaseSchema>,
  id: string,
  claimant: string,
  outcome: { now: number; providerReference: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({
      status: 'sent',
      // Parameters may hold a login code or a letter's file path: nothing needs them once sent.
      parameters: '{}',
      delivered_at: outcome.now,
      provider_reference: outcome.providerReference,
      last_error: null,
      claimed_by: null,
    })
    .where('id', '=', id)
    .where('claimed_by', '=', claimant)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a failed attempt: 'failed' (retry at `nextAttemptAt`), 'dead', 'bounced' or 'expired'. */
export async function markOutboxMessageUndelivered(
  db: Kysely<DatabaseSchema>,
  id: string,
  claimant: string,
  outcome: { status: 'failed' | 'dead' | 'bounced' | 'expired'; error: string; nextAttemptAt: number },
): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({
      status: outcome.status,
      last_error: outcome.error,
      next_attempt_at: outcome.nextAttemptAt,
      claimed_by: null,
      // An expired message is never sent, so its parameters (a login code) are of no more use.
      ...(outcome.status === 'expired' ? { parameters: '{}' } : {}),
    })
    .where('id', '=', id)
    .where('claimed_by', '=', claimant)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
