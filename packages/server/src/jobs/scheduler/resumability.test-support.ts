import assert from 'node:assert/strict';
import type { Database } from '../../storage/database.ts';
import type { JobContext, ScheduledJob } from './job.types.ts';

// For a job's own tests: does it survive `kill -9`? A run is interrupted at each of its
// checkpoints in turn (the injected checkpoint throws, as if the process died there with what it
// had committed), then run again; the data must end as after one clean run.

export type DisposableDatabase = Database & { drop(): Promise<void> };

export type ResumabilityCheck<T> = {
  /** A fresh, migrated database (e.g. `() => createTestDatabase(dialect)`); dropped afterwards. */
  createDatabase(): Promise<DisposableDatabase>;
  /** Writes the data the job works on. */
  seed(database: Database): Promise<void>;
  job: ScheduledJob;
  now: Date;
  /** What the job's result is judged by: compared (deep equality) with a clean run's. */
  snapshot(database: Database): Promise<T>;
  /** Interrupt at these checkpoints (1 = the first the run reaches); default every one. */
  interruptAt?: readonly number[];
};

export class JobInterrupted extends Error {
  override name = 'JobInterrupted';
}

/** Throws (an assertion error) when a run interrupted and run again ends differently from a clean run. */
export async function checkResumable<T>(check: ResumabilityCheck<T>): Promise<{ checkpoints: number; clean: T }> {
  const clean = await withDatabase(check, async (database) => {
    let reached = 0;
    await check.job.run(context(database, check.now, async () => void reached++));
    return { reached, snapshot: await check.snapshot(database) };
  });
  assert.ok(clean.reached > 0, `job ${check.job.name} calls no checkpoint, so it cannot be interrupted`);
  const points = check.interruptAt ?? Array.from({ length: clean.reached }, (_, i) => i + 1);
  for (const point of points) {
    const resumed = await withDatabase(check, async (database) => {
      let reached = 0;
      const interrupt = async () => {
        if (++reached === point) throw new JobInterrupted(`interrupted at checkpoint ${point}`);
      };
      await assert.rejects(check.job.run(context(database, check.now, interrupt)), JobInterrupted);
      await check.job.run(context(database, check.now, async () => {}));
      return check.snapshot(database);
    });
    assert.deepStrictEqual(
      resumed,
      clean.snapshot,
      `job ${check.job.name}: interrupted at checkpoint ${point} and run again, it ends differently from one clean run`,
    );
  }
  return { checkpoints: clean.reached, clean: clean.snapshot };
}

async function withDatabase<T, R>(check: ResumabilityCheck<T>, use: (database: Database) => Promise<R>): Promise<R> {
  const database = await check.createDatabase();
  try {
    await check.seed(database);
    return await use(database);
  } finally {
    await database.drop();
  }
}

function context(database: Database, now: Date, checkpoint: (step: string) => Promise<void>): JobContext {
  const quiet = () => {};
  return {
    database,
    now,
    logger: { debug: quiet, info: quiet, warn: quiet, error: quiet },
    signal: new AbortController().signal,
    checkpoint,
  };
}
