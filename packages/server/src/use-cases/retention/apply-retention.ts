import { deletionDateOf, deletionEpochIsOver, errandExpiresAt } from '@kontakta/domain';
import { DELETION_KEY_PREFIX } from '../../encryption/deletion-keys.ts';
import { updateErrand } from '../../storage/repositories/errand.repository.ts';
import {
  anyErrandWrappedBy,
  deleteErrandForRetention,
  deleteInboxMessagesBefore,
  listErrandsToNotify,
  listErrandsWithoutExpiry,
  listExpiredErrands,
  markRetentionNoticeSent,
} from '../../storage/repositories/retention.repository.ts';
import { findCareUnits } from '../../storage/repositories/unit.repository.ts';
import { rewrapErrandKeyFor } from '../errands/errand-keys.ts';
import { errandTypeName } from '../errands/errand-names.ts';
import { sendInboxMessage } from '../inbox-messages/send-inbox-message.ts';
import { referenceReads } from '../reference-reads.ts';
import type { Services } from '../services.ts';

export type RetentionRun = {
  adopted: number;
  noticed: number;
  deleted: number;
  inboxMessagesDeleted: number;
  keysDestroyed: number;
};

export type RetentionServices = Pick<Services, 'config' | 'database' | 'keys' | 'deletionKeys'>;

const BATCH = 200;
const DAY_MS = 86_400_000;
/**
 * The longest retention works before it lets requests in. On SQLite every query runs on the
 * event loop's own thread and Kysely's promises settle at once, so a loop of awaited queries
 * never gives the loop a turn: a server deleting 5 000 errands answered no request (and renewed
 * no lease) until it was done (bench/ (i), issue 15). After each slice retention rests as long as
 * it worked (`REST_RATIO`), so it takes at most half of the server's thread; with only a turn of
 * the loop between slices it took nearly all of it, and the inbox's p99 rose fivefold. The rests
 * also let group commit's fsync catch up, which every response waits for.
 */
const SLICE_MS = 10;
const REST_RATIO = 1;

/**
 * The retention run, in four steps, each in small batches of their own transactions so a big run
 * never blocks the server and a run killed at any point is finished by the next:
 * 1. errands from before retention get their expiry, and their key moves to that month's key;
 * 2. citizens are told (inbox message, content-free notification) within the notice period;
 * 3. expired errands are deleted, one whole errand per transaction, leaving a tombstone;
 * 4. the deletion key of every month that is over and has no errand left is destroyed, which
 *    makes every copy of that month's errands in any backup unreadable.
 * `afterBatch` is where a scheduled job checks whether it must stop.
 */
export async function applyRetention(
  services: RetentionServices,
  now: number,
  options: {
    afterBatch?: (step: string, run: RetentionRun) => Promise<void>;
    batchSize?: number;
    /** How long to work before letting requests in (see SLICE_MS). */
    sliceMs?: number;
  } = {},
): Promise<RetentionRun> {
  const batch = options.batchSize ?? BATCH;
  const run: RetentionRun = { adopted: 0, noticed: 0, deleted: 0, inboxMessagesDeleted: 0, keysDestroyed: 0 };
  const { db } = services.database;
  const rules = services.config.retention;
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const letRequestsIn = timeSlices(sliceMs);
  const pause = async (step: string) => {
    await letRequestsIn();
    await options.afterBatch?.(step, run);
  };

  for (;;) {
    const legacy = await listErrandsWithoutExpiry(db, batch);
    if (legacy.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const row of legacy) {
        const expiresAt = errandExpiresAt(row.last_event_at, rules);
        // Already past its time: it is deleted in step 3 of this run, under the key it has.
        const rekeyed = expiresAt <= now ? undefined : rewrapErrandKeyFor(services, row, expiresAt);
        if (await updateErrand(trx, row.id, row.version, { expires_at: expiresAt, ...rekeyed })) run.adopted += 1;
      }
    });
    await pause('adopted');
  }

  const unitNames = new Map<string, string>();
  for (;;) {
    const waiting = await listErrandsToNotify(db, now, now + rules.noticeDays * DAY_MS, batch);
    if (waiting.length === 0) break;
    const unknown = [...new Set(waiting.map((row) => row.unit_hsa_id))].filter((id) => !unitNames.has(id));
    for (const unit of await findCareUnits(db, unknown)) unitNames.set(unit.hsa_id, unit.name);
    await db.transaction().execute(async (trx) => {
      for (const row of waiting) {
        const expiresAt = row.expires_at as number;
        await sendInboxMessage(trx, {
          citizenId: row.citizen_id,
          template: 'errand-deleted-soon',
          unitHsaId: row.unit_hsa_id,
          values: {
            endDate: deletionDateOf(expiresAt),
            errandTypeName: await errandTypeName(referenceReads(trx), row.unit_hsa_id, row.errand_type),
            unitName: unitNames.get(row.unit_hsa_id) ?? row.unit_hsa_id,
          },
          now,
        });
        await markRetentionNoticeSent(trx, row.id, expiresAt);
        run.noticed += 1;
      }
    });
    await pause('noticed');
  }

  for (;;) {
    const expired = await listExpiredErrands(db, now, batch);
    if (expired.length === 0) break;
    let progressed = false;
    let next = 0;
    while (next < expired.length) {
      // Whole errands, as many as one slice allows, in one transaction: each commit writes every
      // page it touched to the WAL, and neighbouring errands share most index pages; the
      // connection is held one slice at most.
      const deleted = await db.transaction().execute(async (trx) => {
        const started = performance.now();
        let count = 0;
        do {
          if (await deleteErrandForRetention(trx, expired[next++] as (typeof expired)[number], now)) count += 1;
        } while (next < expired.length && performance.now() - started < sliceMs);
        return count;
      });
      run.deleted += deleted;
      progressed ||= deleted > 0;
      await letRequestsIn();
    }
    await pause('deleted');
    if (!progressed) break;
  }

  const monthsAgo = new Date(now);
  monthsAgo.setUTCMonth(monthsAgo.getUTCMonth() - rules.retentionMonths);
  for (;;) {
    const removed = await deleteInboxMessagesBefore(db, monthsAgo.getTime(), 1000);
    run.inboxMessagesDeleted += removed;
    if (removed === 0) break;
    await pause('inbox-messages');
  }

  for (const epoch of services.deletionKeys.epochs()) {
    if (!deletionEpochIsOver(epoch, now)) continue;
    if (await anyErrandWrappedBy(db, `${DELETION_KEY_PREFIX}${epoch}`)) continue;
    if (services.deletionKeys.destroy(epoch, now)) run.keysDestroyed += 1;
  }
  return run;
}

/** Resolves at once until `sliceMs` of work has passed, then after a rest `REST_RATIO` times as long. */
function timeSlices(sliceMs: number): () => Promise<void> {
  let since = performance.now();
  return async () => {
    const worked = performance.now() - since;
    if (worked < sliceMs) return;
    const rest = worked * REST_RATIO;
    await new Promise<void>((resolve) => (rest >= 1 ? setTimeout(resolve, rest) : setImmediate(resolve)));
    since = performance.now();
  };
}
