import type { Kysely } from 'kysely';
import type { DatabaseSchema, OutboxChannel, OutboxStatus } from '../schema.ts';

// What the outbox holds that is not delivered, for the operator's metrics (read at every scrape).

/** Statuses counted: the queue (pending, sending, failed) and what needs an operator (dead, bounced). */
export const BACKLOG_STATUSES = ['pending', 'sending', 'failed', 'dead', 'bounced'] as const satisfies OutboxStatus[];

export type OutboxBacklogRow = Readonly<{
  channel: OutboxChannel;
  status: (typeof BACKLOG_STATUSES)[number];
  messages: number;
  /** created_at of the oldest message in the group (epoch milliseconds). */
  oldestCreatedAt: number;
}>;

/**
 * Message counts and the oldest message by channel and status. The status filter runs on the
 * (status, next_attempt_at) index and leaves out 'sent' and 'expired', the sets that grow with
 * the years; what is left is the queue and what waits for an operator, both small.
 */
export async function countOutboxBacklog(db: Kysely<DatabaseSchema>): Promise<OutboxBacklogRow[]> {
  const rows = await db
    .selectFrom('outbox')
    .select(['channel', 'status'])
    .select((eb) => [eb.fn.countAll().as('messages'), eb.fn.min('created_at').as('oldest')])
    .where('status', 'in', BACKLOG_STATUSES)
    .groupBy(['channel', 'status'])
    .execute();
  return rows.map((row) => ({
    channel: row.channel,
    status: row.status as OutboxBacklogRow['status'],
    // Kysely types count(*) and min() loosely (number, string or bigint); the drivers give numbers.
    messages: Number(row.messages),
    oldestCreatedAt: Number(row.oldest),
  }));
}
