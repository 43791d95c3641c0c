import { foldPendingStats } from '../storage/repositories/statistics.repository.ts';
import type { ScheduledJob } from './scheduler/job.types.ts';

/**
 * Folds the statistics' pending counts into the rollup every minute, so the pending table stays
 * short however seldom statistics are read (a read folds what is left first). Each batch is one
 * transaction: a job stopped midway leaves the rest pending for the next run.
 */
export function statisticsFoldJob(): ScheduledJob {
  return {
    name: 'statistics-fold',
    schedule: '* * * * *',
    async run({ database, checkpoint }) {
      await checkpoint('start');
      const folded = await foldPendingStats(database.db);
      await checkpoint('folded');
      return { counts: { folded } };
    },
  };
}
