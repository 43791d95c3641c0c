import {
  deleteFinalOutboxRows,
  type FinalOutboxStatus,
  type OutboxPageCursor,
  pageFinalOutboxRows,
} from '../storage/repositories/outbox-housekeeping.repository.ts';
import { HOUSEKEEPING_BATCH } from './batch-housekeeping.ts';
import type { ScheduledJob } from './scheduler/job.types.ts';

/**
 * Bounced before sent: a sent row waits for older bounces to its address to go (see
 * outbox-housekeeping.repository.ts), so taking them first lets one run finish the work, and a
 * run that is cut short and run again ends where one clean run does.
 */
const STATUSES: readonly FinalOutboxStatus[] = ['dead', 'expired', 'bounced', 'sent'];

/**
 * Every night: messages that reached a final state (sent, dead, bounced, expired) more than
 * KONTAKTA_OUTBOX_KEEP_DAYS ago. Until then staff see them among an errand's notifications and
 * operators can send dead ones again; the latest bounce to a citizen's address stays as long as
 * it is the latest, since the citizen's settings say the address stopped working from it.
 * Never touches a message still to be delivered (pending, sending, failed).
 *
 * It walks each status's rows in pages along the (status, next_attempt_at) index, deleting those
 * of a page that may go in one statement; a cursor, not "the first n again", so rows that stay
 * are read once per run and never hold up the rest.
 */
export function outboxHousekeepingJob(options: { keepMs: number; batchSize?: number }): ScheduledJob {
  const batchSize = options.batchSize ?? HOUSEKEEPING_BATCH;
  return {
    name: 'outbox-housekeeping',
    schedule: '40 3 * * *',
    async run({ database, now, checkpoint }) {
      const finishedBefore = now.getTime() - options.keepMs;
      const counts: Record<string, number> = {};
      for (const status of STATUSES) {
        let deleted = 0;
        let after: OutboxPageCursor | null = null;
        for (;;) {
          const page = await pageFinalOutboxRows(database.db, status, finishedBefore, after, batchSize);
          deleted += await deleteFinalOutboxRows(
            database.db,
            status,
            finishedBefore,
            page.map((row) => row.id),
          );
          await checkpoint(status);
          if (page.length < batchSize) break;
          after = page[page.length - 1] ?? null;
        }
        counts[status] = deleted;
      }
      return { counts };
    },
  };
}
