import { sql } from 'kysely';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Database, openDatabase } from '../../storage/database.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../testing/test-databases.ts';
import { JobFailure, type ScheduledJob } from './job.types.ts';
import { listJobLeases } from './job-lease.repository.ts';
import { checkResumable } from './resumability.test-support.ts';
import { createScheduler, type SchedulerOptions } from './scheduler.ts';

// Sunday 6 December 2026, 10:07 in Stockholm; the test jobs run daily at 03:00 Stockholm time.
const T0 = new Date('2026-12-06T09:07:00Z');
const TICK = new Date('2026-12-07T02:00:00Z');
const NEXT_TICK = new Date('2026-12-08T02:00:00Z');
const MINUTE = 60_000;

const silent = pino({ level: 'silent' });
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe.each(DIALECTS)('scheduled jobs on %s', (dialect) => {
  async function database(): Promise<TestDatabase> {
    const created = await createTestDatabase(dialect);
    cleanup.push(() => created.drop());
    return created;
  }

  /** A second process's connection to the same database. */
  function secondConnection(first: TestDatabase): Database {
    const second = openDatabase(first.config);
    cleanup.push(() => second.close());
    return second;
  }

  function scheduler(db: Database, jobs: ScheduledJob[], options: Partial<SchedulerOptions> = {}) {
    const created = createScheduler({ database: db, jobs, logger: silent, clock: () => T0, ...options });
    cleanup.push(() => created.stop());
    return created;
  }

  function countingJob(name = 'counting', run?: ScheduledJob['run']): ScheduledJob & { runs: Date[] } {
    const runs: Date[] = [];
    return {
      name,
      schedule: '0 3 * * *',
      runs,
      run: async (context) => {
        runs.push(context.now);
        return run ? run(context) : { counts: { runs: runs.length } };
      },
    };
  }

  async function lease(db: Database, name: string) {
    const row = (await listJobLeases(db.db)).find((candidate) => candidate.name === name);
    if (!row) throw new Error(`no job_lease row for ${name}`);
    return row;
  }

  it('first schedules a job at its next time, and runs it then, once, however many processes ask', async () => {
    const first = await database();
    const second = secondConnection(first);
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const job = countingJob('counting', async () => {
      await gate;
      return {};
    });
    const a = scheduler(first, [job]);
    const b = scheduler(second, [job]);

    expect(await a.runDue(T0)).toEqual([{ job: 'counting', result: 'not-due' }]);
    expect(await b.runDue(T0)).toEqual([{ job: 'counting', result: 'not-due' }]);
    expect((await lease(first, 'counting')).next_run_at).toBe(TICK.getTime());

    // Both processes wake at 03:00: one takes the lease and runs, the other finds it held.
    const runs = [a.runDue(TICK), b.runDue(TICK)];
    const loser = await Promise.race(runs);
    expect(loser).toEqual([{ job: 'counting', result: 'held' }]);
    release();
    const results = (await Promise.all(runs)).map(([report]) => report?.result).sort();
    expect(results).toEqual(['held', 'ok']);
    expect(job.runs).toEqual([TICK]);

    // A process that wakes a moment after the run finished finds it not due any more.
    expect(await b.runDue(new Date(TICK.getTime() + 1000))).toEqual([{ job: 'counting', result: 'not-due' }]);
    expect(job.runs).toHaveLength(1);
    const row = await lease(first, 'counting');
    expect(row).toMatchObject({
      holder: null,
      lease_until: null,
      last_started_at: TICK.getTime(),
      last_outcome: 'ok',
      last_error: null,
      next_run_at: NEXT_TICK.getTime(),
    });
  });

  it('runs a job whose holder died mid-run once its lease has run out, and not before', async () => {
    const db = await database();
    const job = countingJob();
    await scheduler(db, [job]).runDue(T0);
    // What `kill -9` during the 03:00 run leaves behind: a holder, a lease, next_run_at unchanged.
    await db.db
      .updateTable('job_lease')
      .set({
        holder: 'other-host:4242/dead#1',
        lease_until: TICK.getTime() + 10 * MINUTE,
        last_started_at: TICK.getTime(),
      })
      .execute();

    const survivor = scheduler(db, [job]);
    const during = new Date(TICK.getTime() + 5 * MINUTE);
    expect(await survivor.runDue(during)).toEqual([{ job: 'counting', result: 'held' }]);
    expect(await survivor.runJob('counting', during)).toEqual({ job: 'counting', result: 'held' });
    expect(job.runs).toEqual([]);

    const after = new Date(TICK.getTime() + 11 * MINUTE);
    expect(await survivor.runDue(after)).toMatchObject([{ job: 'counting', result: 'ok' }]);
    expect(job.runs).toEqual([after]);
    expect(await lease(db, 'counting')).toMatchObject({
      holder: null,
      last_outcome: 'ok',
      next_run_at: NEXT_TICK.getTime(),
    });
  });

  it('records a failed run with a short message, schedules a retry, and runs the other jobs all the same', async () => {
    const db = await database();
    const failing = countingJob('failing', async () => {
      throw new JobFailure('the population register did not answer');
    });
    const leaking = countingJob('leaking', async () => {
      throw new Error('duplicate key: 19121212-1212 Tolvan Tolvansson');
    });
    const fine = countingJob('fine');
    const telemetry = { runs: [] as string[] };
    const jobs = [failing, leaking, fine];
    const s = scheduler(db, jobs, {
      telemetry: {
        ...(await import('../../observability/telemetry.ts')).noTelemetry,
        scheduledJobRun: ({ job, outcome }) => void telemetry.runs.push(`${job}:${outcome}`),
      },
    });
    await s.runDue(T0);

    const reports = await s.runDue(TICK);
    const retryAt = new Date(TICK.getTime() + 15 * MINUTE);
    expect(reports).toEqual([
      { job: 'failing', result: 'failed', nextRunAt: retryAt, error: 'the population register did not answer' },
      { job: 'leaking', result: 'failed', nextRunAt: retryAt, error: 'Error' },
      { job: 'fine', result: 'ok', nextRunAt: NEXT_TICK, counts: { runs: 1 } },
    ]);
    expect(await lease(db, 'failing')).toMatchObject({
      holder: null,
      last_outcome: 'failed',
      last_error: 'the population register did not answer',
      last_finished_at: TICK.getTime(),
      next_run_at: retryAt.getTime(),
    });
    // An unexpected error's message may quote data: only its type is kept.
    expect((await lease(db, 'leaking')).last_error).toBe('Error');
    expect(telemetry.runs.sort()).toEqual(['failing:failed', 'fine:ok', 'leaking:failed']);

    // The retry is a run like any other.
    expect((await s.runDue(retryAt)).map((report) => report.result)).toEqual(['failed', 'failed', 'not-due']);
    expect(failing.runs).toEqual([TICK, retryAt]);
  });

  it('runs a job once after downtime, however many runs were missed', async () => {
    const db = await database();
    const job = countingJob();
    await scheduler(db, [job]).runDue(T0);

    // No process ran for three days and a bit; the next one starts at 08:00 on the 10th.
    const restart = new Date('2026-12-10T07:00:00Z');
    const later = scheduler(db, [job], { clock: () => restart });
    expect(await later.runDue()).toMatchObject([{ job: 'counting', result: 'ok' }]);
    expect(await later.runDue()).toEqual([{ job: 'counting', result: 'not-due' }]);
    expect(job.runs).toEqual([restart]);
    expect((await lease(db, 'counting')).next_run_at).toBe(new Date('2026-12-11T02:00:00Z').getTime());
  });

  it('runs a missed job soon after start; stop() interrupts it at its next checkpoint and waits for it', async () => {
    const db = await database();
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = false;
    const job = countingJob('slow', async (context) => {
      started = true;
      await gate;
      await context.checkpoint('after the gate');
      return {};
    });
    await scheduler(db, [job]).runDue(T0);

    const now = new Date(TICK.getTime() + 60 * MINUTE);
    const s = scheduler(db, [job], { clock: () => now, firstSweepMs: 0 });
    s.start();
    await vi.waitFor(() => expect(started).toBe(true), { timeout: 20_000, interval: 20 });
    let stopped = false;
    const stopping = s.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;

    // Interrupted half-way: due again at once, for another process or the next start.
    expect(await lease(db, 'slow')).toMatchObject({
      holder: null,
      last_outcome: 'failed',
      last_error: 'interrupted: the process stopped',
      next_run_at: now.getTime(),
    });
  });

  it('checks resumability: a job that is not idempotent is caught', async () => {
    const counter = async (db: Database) =>
      (await sql<{ n: number }>`SELECT count(*) AS n FROM resumability_probe`.execute(db.db)).rows.map((row) =>
        Number(row.n),
      );
    const check = (job: ScheduledJob) =>
      checkResumable({
        createDatabase: () => createTestDatabase(dialect),
        seed: async (db) => void (await sql`CREATE TABLE resumability_probe (id integer)`.execute(db.db)),
        job,
        now: T0,
        snapshot: counter,
      });
    // Inserts a row on every run: run twice, it does twice the work.
    const appending: ScheduledJob = {
      name: 'appending',
      schedule: '0 3 * * *',
      async run({ database: db, checkpoint }) {
        await sql`INSERT INTO resumability_probe (id) VALUES (1)`.execute(db.db);
        await checkpoint('inserted');
        return {};
      },
    };
    await expect(check(appending)).rejects.toThrow(/interrupted at checkpoint 1 and run again, it ends differently/);
    // Inserts the row only when it is not there yet.
    const idempotent: ScheduledJob = {
      ...appending,
      name: 'idempotent',
      async run({ database: db, checkpoint }) {
        await checkpoint('start');
        const [count] = await counter(db);
        if (count === 0) await sql`INSERT INTO resumability_probe (id) VALUES (1)`.execute(db.db);
        await checkpoint('inserted');
        return {};
      },
    };
    expect(await check(idempotent)).toEqual({ checkpoints: 2, clean: [1] });
  });
});
