import type { Kysely } from 'kysely';
import type { DatabaseSchema, OutboxStatus } from '../schema.ts';
import type { OutboxRow } from './outbox.repository.ts';

// What operators do with messages that did not get through (`kontakta outbox`).

/** Statuses an operator may send again. */
export const RETRYABLE_STATUSES: readonly OutboxStatus[] = ['dead', 'failed', 'bounced'];

/** Newest first. The status filter uses the (status, next_attempt_at) index; these sets stay small. */
export async function listOutboxMessagesByStatus(
  db: Kysely<DatabaseSchema>,
  statuses: readonly OutboxStatus[],
  limit: number,
): Promise<OutboxRow[]> {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('status', 'in', [...statuses])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function findOutboxMessage(db: Kysely<DatabaseSchema>, id: string): Promise<OutboxRow | undefined> {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Puts messages back in the queue with a fresh attempt count, due now. Only rows in a retryable
 * status move; returns how many did.
 */
export async function requeueOutboxMessages(
  db: Kysely<DatabaseSchema>,
  which: { id: string } | { status: 'dead' },
  now: number,
): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, claimed_by: null })
    .where('status', 'in', [...RETRYABLE_STATUSES])
    .$if('id' in which, (qb) => qb.where('id', '=', (which as { id: string }).id))
    .$if('status' in which, (qb) => qb.where('status', '=', 'dead'))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
