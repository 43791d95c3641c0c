import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Cron } from 'croner';
import { noTelemetry, type Telemetry } from '../../observability/telemetry.ts';
import type { Database } from '../../storage/database.ts';
import { cronSchedule, nextRunAfter, SCHEDULE_TIME_ZONE } from './cron-schedule.ts';
import { type JobContext, JobFailure, type JobLogger, type JobOutcome, type ScheduledJob } from './job.types.ts';
import { ensureJobLeases, finishJobRun, renewJobLease, takeJobLease } from './job-lease.repository.ts';

export type SchedulerLogger = JobLogger & { child(bindings: Record<string, unknown>): JobLogger };

export type SchedulerOptions = {
  database: Database;
  jobs: readonly ScheduledJob[];
  logger: SchedulerLogger;
  /** The time a run starts at (its `now`), when it ends, and what leases are measured against. */
  clock?: () => Date;
  telemetry?: Telemetry;
  /** Names this process in `job_lease.holder` (operators see it in `kontakta jobs`). Default host:pid. */
  processName?: string;
  /** How often `start` looks for overdue jobs: missed while no process ran, or left by a dead one. */
  sweepMs?: number;
  /** The first such look after `start`: soon, once the server is up. */
  firstSweepMs?: number;
};

/** held: another run holds the lease (in this process or another); not-due: its next run is later. */
export type JobRunResult = 'ok' | 'failed' | 'held' | 'not-due';

export type JobRunReport = Readonly<{
  job: string;
  result: JobRunResult;
  /** When it runs next, after a run (ok or failed). */
  nextRunAt?: Date;
  /** What `job_lease.last_error` says, after a failed run. */
  error?: string;
  counts?: JobOutcome['counts'];
}>;

export type Scheduler = {
  readonly jobs: readonly ScheduledJob[];
  /** Runs every job that is due at `now` and not held elsewhere, each once; resolves when they are done. */
  runDue(now?: Date): Promise<JobRunReport[]>;
  /** Runs one job at once, due or not (`kontakta jobs run`), unless another run holds its lease. */
  runJob(name: string, now?: Date): Promise<JobRunReport>;
  /** Runs jobs on their schedules (croner) and sweeps for overdue ones, until `stop`. */
  start(): void;
  /** Stops scheduling, asks running jobs to stop at their next checkpoint, and waits for them. */
  stop(): Promise<void>;
};

const DEFAULT_LEASE_MS = 10 * 60_000;
/** A failed run is tried again after this, or at its next scheduled time if that is sooner. */
const RETRY_AFTER_FAILURE_MS = 15 * 60_000;
const DEFAULT_SWEEP_MS = 60_000;
const DEFAULT_FIRST_SWEEP_MS = 5_000;
const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Runs scheduled jobs, each in one process at a time across all processes sharing the database.
 * Every process schedules every job; a run first takes the job's lease in `job_lease`, and only
 * when the job is due (`next_run_at` has passed) and no live lease is held. A run that ends
 * records its outcome and the next run time and frees the lease; a process killed mid-run leaves
 * the lease until it runs out, and then another process runs the job again (jobs are resumable).
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { database, jobs, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const telemetry = options.telemetry ?? noTelemetry;
  const processName = `${options.processName ?? `${os.hostname()}:${process.pid}`}/${randomUUID().slice(0, 8)}`;
  const schedules = checkJobs(jobs);

  const running = new Map<string, Promise<JobRunReport>>();
  const controllers = new Set<AbortController>();
  let runs = 0;
  let ready: Promise<void> | undefined;
  let stopped = true;
  let crons: Cron[] = [];
  let sweepTimer: NodeJS.Timeout | undefined;
  let sweeping: Promise<unknown> | undefined;

  /** Each job has its row before its first run: first due at its next scheduled time. */
  function ensureRows(now: Date): Promise<void> {
    ready ??= ensureJobLeases(
      database.db,
      jobs.map((job) => ({ name: job.name, nextRunAt: nextRunAfter(scheduleOf(job), now).getTime() })),
    ).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  }

  function scheduleOf(job: ScheduledJob): Cron {
    const schedule = schedules.get(job.name);
    if (!schedule) throw new Error(`unknown job ${job.name}`);
    return schedule;
  }

  function run(job: ScheduledJob, now: Date, onlyIfDue: boolean): Promise<JobRunReport> {
    // One run of a job per process at a time; a trigger meanwhile is not queued behind it.
    if (running.has(job.name)) return Promise.resolve({ job: job.name, result: 'held' });
    const promise = runUnderLease(job, now, onlyIfDue).finally(() => running.delete(job.name));
    running.set(job.name, promise);
    return promise;
  }

  async function runUnderLease(job: ScheduledJob, now: Date, onlyIfDue: boolean): Promise<JobRunReport> {
    await ensureRows(now);
    const leaseMs = job.leaseMs ?? DEFAULT_LEASE_MS;
    const holder = `${processName}#${++runs}`;
    const taken = await takeJobLease(database.db, {
      name: job.name,
      holder,
      now: now.getTime(),
      leaseUntil: now.getTime() + leaseMs,
      onlyIfDue,
    });
    if (taken !== 'taken') return { job: job.name, result: taken };

    const log = logger.child({ job: job.name });
    const controller = new AbortController();
    controllers.add(controller);
    // Long runs keep their lease; a run that finds it lost (it was away longer than the lease) is asked to stop.
    const renewal = setInterval(
      () => {
        renewJobLease(database.db, { name: job.name, holder, leaseUntil: clock().getTime() + leaseMs }).then(
          (held) => {
            if (!held) controller.abort(new JobFailure('the lease ran out and another process took the job over'));
          },
          (error: unknown) => log.warn({ err: errorFields(error) }, 'scheduled job lease not renewed'),
        );
      },
      Math.max(1_000, Math.floor(leaseMs / 3)),
    );
    renewal.unref();
    const context: JobContext = {
      database,
      now,
      logger: log,
      signal: controller.signal,
      checkpoint: async () => controller.signal.throwIfAborted(),
    };
    log.info({ startedAt: now.toISOString() }, 'scheduled job started');
    let outcome: { ok: true; value: JobOutcome } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, value: await job.run(context) };
    } catch (error) {
      outcome = { ok: false, error };
    } finally {
      clearInterval(renewal);
      controllers.delete(controller);
    }

    const finishedAt = new Date(Math.max(now.getTime(), clock().getTime()));
    const nextTick = nextRunAfter(scheduleOf(job), finishedAt);
    const interrupted = !outcome.ok && controller.signal.aborted;
    const error = outcome.ok ? null : interrupted ? abortText(controller.signal.reason) : errorText(outcome.error);
    const nextRunAt = outcome.ok
      ? nextTick
      : interrupted
        ? finishedAt // stopped half-way: due again at once, for another process or this one's next start
        : new Date(Math.min(nextTick.getTime(), finishedAt.getTime() + RETRY_AFTER_FAILURE_MS));
    const result = outcome.ok ? 'ok' : 'failed';
    const recorded = await finishJobRun(database.db, {
      name: job.name,
      holder,
      finishedAt: finishedAt.getTime(),
      outcome: result,
      error,
      nextRunAt: nextRunAt.getTime(),
    });
    telemetry.scheduledJobRun({ job: job.name, outcome: result });
    const fields = { ms: finishedAt.getTime() - now.getTime(), nextRunAt: nextRunAt.toISOString() };
    if (!recorded)
      log.warn(fields, 'scheduled job outcome not recorded: its lease ran out and another process took over');
    if (outcome.ok) {
      log.info({ ...fields, counts: outcome.value.counts }, 'scheduled job finished');
      return { job: job.name, result, nextRunAt, ...(outcome.value.counts ? { counts: outcome.value.counts } : {}) };
    }
    log.error({ ...fields, err: errorFields(outcome.error), error }, 'scheduled job failed');
    return { job: job.name, result, nextRunAt, error: error ?? '' };
  }

  async function runDue(now: Date = clock()): Promise<JobRunReport[]> {
    return Promise.all(jobs.map((job) => run(job, now, true)));
  }

  function sweep(): void {
    sweepTimer = undefined;
    if (stopped) return;
    sweeping = runDue()
      .catch((error: unknown) => logger.error({ err: errorFields(error) }, 'scheduled jobs: the sweep failed'))
      .finally(() => {
        sweeping = undefined;
        if (!stopped) {
          sweepTimer = setTimeout(sweep, options.sweepMs ?? DEFAULT_SWEEP_MS);
          sweepTimer.unref();
        }
      });
  }

  return {
    jobs,
    runDue,
    async runJob(name, now = clock()) {
      const job = jobs.find((candidate) => candidate.name === name);
      if (!job) throw new Error(`There is no scheduled job "${name}".`);
      return run(job, now, false);
    },
    start() {
      if (!stopped) return;
      stopped = false;
      // croner wakes each job at its time; the run still takes the lease, so one process runs it.
      crons = jobs.map(
        (job) =>
          new Cron(job.schedule, { timezone: SCHEDULE_TIME_ZONE, unref: true, protect: true }, (self) => {
            // A timer may fire a hair early: the run is at least at the time it was scheduled for.
            const at = Math.max(clock().getTime(), self.currentRun()?.getTime() ?? 0);
            run(job, new Date(at), true).catch((error: unknown) =>
              logger.error({ job: job.name, err: errorFields(error) }, 'scheduled job could not be started'),
            );
          }),
      );
      // Soon after start: runs missed while no process ran (once, however many ticks were missed).
      // Then every sweepMs: jobs whose holder died, once its lease has run out.
      sweepTimer = setTimeout(sweep, options.firstSweepMs ?? DEFAULT_FIRST_SWEEP_MS);
      sweepTimer.unref();
    },
    async stop() {
      stopped = true;
      for (const cron of crons) cron.stop();
      crons = [];
      clearTimeout(sweepTimer);
      sweepTimer = undefined;
      for (const controller of controllers) controller.abort(new JobFailure('interrupted: the process stopped'));
      await Promise.allSettled([...running.values(), sweeping]);
    },
  };
}

/** Each job's parsed schedule, by name; throws on a name that is not kebab-case or taken twice, or a bad schedule. */
export function checkJobs(jobs: readonly ScheduledJob[]): Map<string, Cron> {
  const schedules = new Map<string, Cron>();
  for (const job of jobs) {
    if (!NAME.test(job.name)) throw new Error(`scheduled job name "${job.name}" is not kebab-case`);
    if (schedules.has(job.name)) throw new Error(`two scheduled jobs are named "${job.name}"`);
    if (job.leaseMs !== undefined && !(job.leaseMs >= 10_000)) {
      throw new Error(`scheduled job "${job.name}": leaseMs must be at least 10 seconds`);
    }
    try {
      schedules.set(job.name, cronSchedule(job.schedule));
    } catch (error) {
      throw new Error(`scheduled job "${job.name}": bad schedule "${job.schedule}" (${(error as Error).message})`);
    }
  }
  return schedules;
}

const MAX_ERROR_LENGTH = 200;

/** What is stored and shown: a JobFailure's own message; of anything else only its type and code. */
export function errorText(error: unknown): string {
  if (error instanceof JobFailure) return error.message.slice(0, MAX_ERROR_LENGTH);
  if (!(error instanceof Error)) return 'a value that is not an Error was thrown';
  const { code } = error as Error & { code?: unknown };
  return typeof code === 'string' || typeof code === 'number' ? `${error.name} (${code})` : error.name;
}

function abortText(reason: unknown): string {
  return reason instanceof JobFailure ? reason.message : 'interrupted';
}

function errorFields(error: unknown): { type: string; code?: unknown } {
  if (!(error instanceof Error)) return { type: typeof error };
  const { code } = error as Error & { code?: unknown };
  return code === undefined ? { type: error.name } : { type: error.name, code };
}
