import type { JobContext } from './scheduler/job.types.ts';

// What the housekeeping jobs (login-, outbox- and event-housekeeping) share: old rows go in short
// statements of at most HOUSEKEEPING_BATCH rows each, with a checkpoint after every one, so a
// large backlog (the first run on an old database) never holds a lock or a transaction for long,
// and a run killed half-way has committed what it deleted and leaves the rest to the next run.

/** Rows one statement deletes at most. */
export const HOUSEKEEPING_BATCH = 1000;

export const DAY_MS = 24 * 60 * 60_000;

/**
 * Calls `deleteBatch(batchSize)` until a batch deletes fewer than `batchSize` rows, with a
 * checkpoint (named `step`) after each; the total deleted.
 */
export async function deleteInBatches(
  context: Pick<JobContext, 'checkpoint'>,
  step: string,
  batchSize: number,
  deleteBatch: (limit: number) => Promise<number>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteBatch(batchSize);
    total += deleted;
    await context.checkpoint(step);
    if (deleted < batchSize) return total;
  }
}
