import {
  AccessLogBrokenError,
  keepPeriodStart,
  listPrunableUnits,
  pruneAccessLogBatch,
} from '../use-cases/access-log/prune-access-log.ts';
import { JobFailure, type ScheduledJob } from './scheduler/job.types.ts';

/**
 * Every night: access-log entries older than the keep period (`KONTAKTA_ACCESS_LOG_KEEP_YEARS`)
 * are removed, a unit's oldest first, in batches of one transaction each that also moves the
 * unit's anchor, so `kontakta audit verify` checks the rest from there (see
 * use-cases/access-log/prune-access-log.ts and migration 2026-12-06-10). A batch committed is done;
 * a run cut short leaves an anchor and the entries after it as they should be, and the next run
 * goes on from that anchor. Nothing is due twice, so running it again does nothing.
 */
export function accessLogPruningJob(options: { keepYears: number; batchSize?: number }): ScheduledJob {
  const batchSize = options.batchSize ?? 1000;
  return {
    name: 'access-log-pruning',
    schedule: '30 3 * * *',
    async run({ database, now, checkpoint }) {
      const before = keepPeriodStart(now, options.keepYears);
      let pruned = 0;
      let units = 0;
      for (const unitHsaId of await listPrunableUnits(database)) {
        let unitPruned = 0;
        for (;;) {
          await checkpoint('batch');
          const removed = await pruneBatch(() =>
            pruneAccessLogBatch(database, unitHsaId, before, now.getTime(), batchSize),
          );
          if (removed === 0) break;
          unitPruned += removed;
        }
        pruned += unitPruned;
        if (unitPruned > 0) units += 1;
      }
      return { counts: { pruned, units } };
    },
  };
}

async function pruneBatch(prune: () => Promise<number>): Promise<number> {
  try {
    return await prune();
  } catch (error) {
    if (!(error instanceof AccessLogBrokenError)) throw error;
    // A unit id and a position: no personal data, fit for job_lease.last_error.
    throw new JobFailure(`${error.message}; nothing of it was pruned: run \`kontakta audit verify\``);
  }
}
