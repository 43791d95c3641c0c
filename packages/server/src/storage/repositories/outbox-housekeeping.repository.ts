import type { Kysely } from 'kysely';
import type { DatabaseSchema, OutboxStatus } from '../schema.ts';

// The outbox housekeeping's SQL (jobs/outbox-housekeeping.job.ts): messages in a final state
// long enough are deleted, a page at a time along outbox_due_idx (status, next_attempt_at).
//
// `next_attempt_at` says when a row became final: a dead, bounced or expired message gets the
// time its outcome was recorded, a sent one keeps the end of the lease of the attempt that sent
// it (at most the worker's lease, 5 minutes, after it was sent). Nothing moves a row out of a
// final state except an operator sending dead ones again, which the delete checks once more.
//
// One thing the outbox is read for must not change: a citizen's settings say an address "stopped
// working" when the latest sent-or-bounced e-mail or SMS to it (by created_at, id) bounced
// (notifications/delivery-status.ts). So a bounced row stays while it is the latest to its
// address, and a sent row waits until no older bounced row to that address is left, so that
// deleting it can never make an older bounce the latest. Rows that view never reads (letters,
// rows whose citizen is gone) have no such rule.

export type FinalOutboxStatus = Extract<OutboxStatus, 'sent' | 'dead' | 'bounced' | 'expired'>;

/** Where a page ended: the next page starts after it. */
export type OutboxPageCursor = Readonly<{ at: number; id: string }>;

/** Channels whose latest outcome per address the citizen's settings show. */
const SHOWN_CHANNELS = ['email', 'sms'] as const;
const SHOWN_STATUSES: OutboxStatus[] = ['sent', 'bounced'];

/** The next page of rows that have been `status` since before `finishedBefore`, in (next_attempt_at, id) order. */
export async function pageFinalOutboxRows(
  db: Kysely<DatabaseSchema>,
  status: FinalOutboxStatus,
  finishedBefore: number,
  after: OutboxPageCursor | null,
  limit: number,
): Promise<OutboxPageCursor[]> {
  const rows = await db
    .selectFrom('outbox')
    .select(['id', 'next_attempt_at'])
    .where('status', '=', status)
    .where('next_attempt_at', '<', finishedBefore)
    .$if(after !== null, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('next_attempt_at', '>', after?.at ?? 0),
          eb.and([eb('next_attempt_at', '=', after?.at ?? 0), eb('id', '>', after?.id ?? '')]),
        ]),
      ),
    )
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ at: row.next_attempt_at, id: row.id }));
}

/**
 * Deletes those of `ids` that are still `status` since before `finishedBefore` and that no
 * citizen's settings depend on (see above); how many it deleted.
 */
export async function deleteFinalOutboxRows(
  db: Kysely<DatabaseSchema>,
  status: FinalOutboxStatus,
  finishedBefore: number,
  ids: readonly string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .deleteFrom('outbox')
    .where('id', 'in', [...ids])
    .where('status', '=', status)
    .where('next_attempt_at', '<', finishedBefore)
    .$if(status === 'bounced' || status === 'sent', (qb) =>
      qb.where((eb) => {
        // Other rows to the same address of the same citizen, as the settings view reads them (outbox_citizen_idx).
        const sameAddress = eb
          .selectFrom('outbox as other')
          .select('other.id')
          .whereRef('other.citizen_id', '=', 'outbox.citizen_id')
          .whereRef('other.channel', '=', 'outbox.channel')
          .whereRef('other.recipient', '=', 'outbox.recipient');
        const newer = sameAddress
          .where('other.status', 'in', SHOWN_STATUSES)
          .where((o) =>
            o.or([
              o('other.created_at', '>', o.ref('outbox.created_at')),
              o.and([o('other.created_at', '=', o.ref('outbox.created_at')), o('other.id', '>', o.ref('outbox.id'))]),
            ]),
          );
        const olderBounce = sameAddress
          .where('other.status', '=', 'bounced')
          .where((o) =>
            o.or([
              o('other.created_at', '<', o.ref('outbox.created_at')),
              o.and([o('other.created_at', '=', o.ref('outbox.created_at')), o('other.id', '<', o.ref('outbox.id'))]),
            ]),
          );
        const notShown = [eb('outbox.citizen_id', 'is', null), eb('outbox.channel', 'not in', [...SHOWN_CHANNELS])];
        return status === 'bounced'
          ? // Not the latest to its address: a later delivery (sent or bounced) decides what is shown.
            eb.or([...notShown, eb.exists(newer)])
          : // No older bounce to the address left that deleting this row would make the latest.
            eb.or([...notShown, eb.not(eb.exists(olderBounce))]);
      }),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
