import { parseArgs } from 'node:util';
import { pino } from 'pino';
import type { Config } from '../config/config.ts';
import { openDeletionKeys } from '../encryption/deletion-keys.ts';
import { loadKeyRing } from '../encryption/master-keys.ts';
import { scheduledJobs } from '../jobs/scheduled-jobs.ts';
import { SCHEDULE_TIME_ZONE } from '../jobs/scheduler/cron-schedule.ts';
import { type JobLeaseRow, listJobLeases } from '../jobs/scheduler/job-lease.repository.ts';
import { createScheduler, type SchedulerLogger } from '../jobs/scheduler/scheduler.ts';
import { loggerOptions } from '../logging/logger.ts';
import { openRegisters } from '../registers/index.ts';
import type { ReloadingRegisters } from '../registers/reloading-file-register.ts';
import { openDatabase } from '../storage/database.ts';
import { migrateToLatest } from '../storage/migrator.ts';
import { JOBS_USAGE } from './usage.ts';

/** `kontakta jobs`: the scheduled jobs, how their last runs went, and running one now. */
export async function jobsCommand(
  config: Config,
  args: string[],
  out: { write(text: string): unknown } = process.stdout,
  options: { clock?: () => Date; logger?: SchedulerLogger } = {},
): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [action, name, ...rest] = positionals;
  if (rest.length > 0 || (action !== undefined && action !== 'run') || (action === 'run' && name === undefined)) {
    throw new Error(`Unknown arguments: ${positionals.join(' ')}\n\nUsage: ${JOBS_USAGE}`);
  }
  const clock = options.clock ?? (() => new Date());
  // Opened only when a job needs them, and closed (they watch their files) before the command ends.
  let registers: Promise<ReloadingRegisters> | undefined;
  const jobs = scheduledJobs({
    config,
    registers: () => (registers ??= openRegisters(config.registerDir)),
    encryption: () => ({
      keys: loadKeyRing(config.masterKeys, () => {}),
      deletionKeys: openDeletionKeys(config.deletionKeyFile),
    }),
  });
  const database = openDatabase(config.database);
  try {
    // As `outbox` does: an operator may run this before the server has ever started.
    await migrateToLatest(database.db);
    if (action === undefined) {
      const leases = new Map((await listJobLeases(database.db)).map((row) => [row.name, row]));
      out.write(formatJobs(jobs, leases, clock().getTime()));
      return;
    }
    if (!jobs.some((job) => job.name === name)) {
      throw new Error(`There is no scheduled job "${name}". Jobs: ${jobs.map((job) => job.name).join(', ')}.`);
    }
    const logger = options.logger ?? pino(loggerOptions(config.logLevel), pino.destination({ dest: 2, sync: true }));
    const scheduler = createScheduler({ database, jobs, logger, clock, processName: 'kontakta-jobs-run' });
    const report = await scheduler.runJob(name as string);
    if (report.result === 'held') {
      const lease = (await listJobLeases(database.db)).find((row) => row.name === name);
      throw new Error(
        `Job ${name} is running now (${lease?.holder ?? 'another process'}, lease until ${time(lease?.lease_until ?? null)}); not run again.`,
      );
    }
    const counts = Object.entries(report.counts ?? {})
      .map(([key, value]) => `${key}: ${value}`)
      .join(', ');
    const next = `Next run ${time(report.nextRunAt?.getTime() ?? null)}.`;
    if (report.result === 'failed') throw new Error(`Job ${name} failed: ${report.error}. ${next}`);
    out.write(`Job ${name} ran: ok${counts ? ` (${counts})` : ''}. ${next}\n`);
  } finally {
    await database.close();
    await registers?.then((opened) => opened.close()).catch(() => {});
  }
}

const COLUMNS = ['job', 'schedule', 'last start', 'last finish', 'outcome', 'next run', 'last error'] as const;

export function formatJobs(
  jobs: readonly { name: string; schedule: string }[],
  leases: ReadonlyMap<string, JobLeaseRow>,
  now: number,
): string {
  if (jobs.length === 0) return 'There are no scheduled jobs.\n';
  const table = jobs.map((job) => {
    const lease = leases.get(job.name);
    return [
      job.name,
      job.schedule,
      time(lease?.last_started_at ?? null),
      time(lease?.last_finished_at ?? null),
      lease ? outcome(lease, now) : 'never run',
      time(lease?.next_run_at ?? null),
      lease?.last_error ?? '',
    ];
  });
  const widths = COLUMNS.map((title, i) => Math.max(title.length, ...table.map((cells) => cells[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return `Scheduled jobs (times and schedules in ${SCHEDULE_TIME_ZONE} time):\n\n${[line(COLUMNS), ...table.map(line)].join('\n')}\n`;
}

/** running: a live lease; interrupted: a lease whose holder stopped mid-run (another process takes over). */
function outcome(lease: JobLeaseRow, now: number): string {
  if (lease.holder !== null && lease.lease_until !== null) return lease.lease_until > now ? 'running' : 'interrupted';
  return lease.last_outcome ?? 'never run';
}

const STOCKHOLM = new Intl.DateTimeFormat('sv-SE', {
  timeZone: SCHEDULE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** 2026-11-22 10:15:00, in Stockholm time (as the schedules are read). */
function time(at: number | null): string {
  if (at === null) return '-';
  const part = Object.fromEntries(STOCKHOLM.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}
