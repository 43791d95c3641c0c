import type { BaseLogger } from 'pino';
import type { Database } from '../../storage/database.ts';

export type JobLogger = Pick<BaseLogger, 'debug' | 'info' | 'warn' | 'error'>;

/**
 * What a run gets. Deliberately small: whatever else a job needs (config, keys, telemetry, a
 * register) it takes in its factory, e.g. `expiredSessionsJob({ idleMs })`.
 */
export type JobContext = Readonly<{
  database: Database;
  /** The injected clock's time at the start of the run: the run's idea of "now", fixed for its length. */
  now: Date;
  logger: JobLogger;
  /** Aborted when the process is stopping or the lease was lost (another process took the job over). */
  signal: AbortSignal;
  /**
   * A safe point, between units of work that are each committed: call it there. It throws when the
   * run should stop (see `signal`); tests inject one that throws to interrupt the job as `kill -9`
   * would (see resumability.test-support.ts).
   */
  checkpoint(step: string): Promise<void>;
}>;

/** What a run that did not throw reports; numbers only, for the log (never personal data). */
export type JobOutcome = Readonly<{ counts?: Readonly<Record<string, number>> }>;

/**
 * A scheduled job. Every process schedules it; the `job_lease` row makes one of them run it. The
 * contract (see ../README.md): idempotent (running it twice does what running it once does) and
 * resumable (killed at any point, the next run finishes the work), because a run can be cut
 * short by `kill -9` and is then run again by another process once its lease has run out.
 */
export type ScheduledJob = Readonly<{
  /** kebab-case, unique; a metric label and the `kontakta jobs run <name>` argument. */
  name: string;
  /** A cron pattern (5 fields, or 6 with seconds), read in Europe/Stockholm time. */
  schedule: string;
  /** How long a run holds the lease before another process may take over; renewed while it runs. Default 10 minutes. */
  leaseMs?: number;
  run(context: JobContext): Promise<JobOutcome>;
}>;

/**
 * Throw this for an expected failure, with a message for the operator (stored in
 * `job_lease.last_error` and logged): no personal data. Any other error is recorded by its type
 * and code only, since a driver's message may quote the data it choked on.
 */
export class JobFailure extends Error {
  override name = 'JobFailure';
}
