import type { Config } from '../config/config.ts';
import type { Registers } from '../registers/index.ts';
import { reviewProxies } from '../use-cases/proxies/review-proxies.ts';
import type { ScheduledJob } from './scheduler/job.types.ts';

/**
 * Every hour: proxies for children that end (the age-limit birthday, a register change) end, and
 * the notices before the birthday go out. Hourly, so a proxy ends within the hour after midnight
 * even where no request checks it first (each request does, too). Each child is one transaction.
 */
export function proxyReviewJob(deps: { config: Config; registers: () => Promise<Registers> }): ScheduledJob {
  return {
    name: 'proxy-review',
    schedule: '5 * * * *',
    async run({ database, now, checkpoint }) {
      const registers = await deps.registers();
      const review = await reviewProxies({ config: deps.config, database, registers }, now.getTime(), {
        afterChild: () => checkpoint('child reviewed'),
      });
      return { counts: review };
    },
  };
}
