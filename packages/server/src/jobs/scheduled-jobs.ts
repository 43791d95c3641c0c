import type { Config } from '../config/config.ts';
import type { Registers } from '../registers/index.ts';
import type { Services } from '../use-cases/services.ts';
import { accessLogPruningJob } from './access-log-pruning.job.ts';
import { eventHousekeepingJob } from './event-housekeeping.job.ts';
import { expiredOidcStateJob } from './expired-oidc-state.job.ts';
import { expiredSessionsJob } from './expired-sessions.job.ts';
import { loginHousekeepingJob } from './login-housekeeping.job.ts';
import { outboxHousekeepingJob } from './outbox-housekeeping.job.ts';
import { overdueErrandsJob } from './overdue-errands.job.ts';
import { proxyReviewJob } from './proxy-review.job.ts';
import { retentionJob } from './retention.job.ts';
import type { ScheduledJob } from './scheduler/job.types.ts';
import { statisticsFoldJob } from './statistics-fold.job.ts';
import { unitMailboxDigestJob } from './unit-mailbox-digest.job.ts';

/**
 * What scheduled jobs are built from. Add what a new job needs here (and pass it where
 * `scheduledJobs` is called: server.ts and cli/jobs.command.ts); the job's factory takes it.
 */
export type ScheduledJobDeps = Readonly<{
  config: Config;
  /** The registers, opened when a job first needs them (listing the jobs does not). */
  registers: () => Promise<Registers>;
  /** The master and deletion keys, likewise loaded only when a job needs them. */
  encryption: () => Pick<Services, 'keys' | 'deletionKeys'>;
}>;

/** Every scheduled job, in every process (the lease decides who runs each). A new job is one line here. */
export function scheduledJobs({ config, registers, encryption }: ScheduledJobDeps): ScheduledJob[] {
  return [
    expiredSessionsJob({ idleMs: config.session.idleMs }),
    proxyReviewJob({ config, registers }),
    retentionJob({ config, encryption }),
    accessLogPruningJob({ keepYears: config.accessLog.keepYears }),
    loginHousekeepingJob(),
    outboxHousekeepingJob({ keepMs: config.housekeeping.outboxKeepMs }),
    eventHousekeepingJob({
      loginEventsKeepMs: config.housekeeping.loginEventsKeepMs,
      securityEventsKeepMs: config.housekeeping.securityEventsKeepMs,
    }),
    unitMailboxDigestJob(),
    overdueErrandsJob(),
    expiredOidcStateJob(),
    statisticsFoldJob(),
  ];
}
