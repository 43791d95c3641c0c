import type { Config } from '../config/config.ts';
import { applyRetention, type RetentionRun, type RetentionServices } from '../use-cases/retention/apply-retention.ts';
import type { ScheduledJob } from './scheduler/job.types.ts';

/**
 * Every hour: errands past their retention are deleted (tombstones left), citizens are told in
 * advance, and the deletion key of a month with nothing left is destroyed. Small batches, each
 * committed, a checkpoint between them: a run killed at any point is finished by the next.
 */
export function retentionJob(deps: {
  config: Config;
  encryption: () => Pick<RetentionServices, 'keys' | 'deletionKeys'>;
  /** After each batch (the CLI draws its progress bar from it). */
  onBatch?: (run: RetentionRun) => void;
}): ScheduledJob {
  return {
    name: 'retention',
    schedule: '25 * * * *',
    async run({ database, now, checkpoint }) {
      const run = await applyRetention({ config: deps.config, database, ...deps.encryption() }, now.getTime(), {
        afterBatch: (step, run) => {
          deps.onBatch?.(run);
          return checkpoint(step);
        },
      });
      return { counts: run };
    },
  };
}
