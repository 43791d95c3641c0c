import { type Kysely, PostgresAdapter, type Selectable } from 'kysely';
import type { DatabaseSchema, JobLeaseTable } from '../../storage/schema.ts';

// The scheduler's SQL: one `job_lease` row per job decides which process runs it.

export type JobLeaseRow = Selectable<JobLeaseTable>;

/** Writes a row for each job that has none yet, first due at `nextRunAt(name)`. Existing rows are kept. */
export async function ensureJobLeases(
  db: Kysely<DatabaseSchema>,
  jobs: readonly { name: string; nextRunAt: number }[],
): Promise<void> {
  if (jobs.length === 0) return;
  await db
    .insertInto('job_lease')
    .values(jobs.map((job) => ({ name: job.name, next_run_at: job.nextRunAt })))
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

export async function listJobLeases(db: Kysely<DatabaseSchema>): Promise<JobLeaseRow[]> {
  return db.selectFrom('job_lease').selectAll().orderBy('name').execute();
}

export type LeaseAttempt = 'taken' | 'held' | 'not-due';

/**
 * Takes the lease of job `name` for `holder` until `leaseUntil`, if no one holds it (or the
 * holder's lease has run out: a process killed mid-run) and, with `onlyIfDue`, its next run is
 * due. On PostgreSQL the row is read `FOR UPDATE SKIP LOCKED` in a transaction, so a process
 * that finds another one taking it moves on at once instead of waiting; on SQLite (one writer at
 * a time) a plain read, and the update repeats the conditions, so of two processes that both
 * read a free lease only one takes it.
 */
export async function takeJobLease(
  db: Kysely<DatabaseSchema>,
  lease: { name: string; holder: string; now: number; leaseUntil: number; onlyIfDue: boolean },
): Promise<LeaseAttempt> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const attempt = async (trx: Kysely<DatabaseSchema>): Promise<LeaseAttempt> => {
    const select = trx.selectFrom('job_lease').selectAll().where('name', '=', lease.name);
    const row = await (postgres ? select.forUpdate().skipLocked() : select).executeTakeFirst();
    // No row on PostgreSQL: another transaction has it locked, i.e. is taking the lease right now.
    if (!row || (row.lease_until !== null && row.lease_until > lease.now)) return 'held';
    if (lease.onlyIfDue && row.next_run_at > lease.now) return 'not-due';
    const result = await trx
      .updateTable('job_lease')
      .set({ holder: lease.holder, lease_until: lease.leaseUntil, last_started_at: lease.now })
      .where('name', '=', lease.name)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', lease.now)]))
      .$if(lease.onlyIfDue, (qb) => qb.where('next_run_at', '<=', lease.now))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? 'taken' : 'held';
  };
  return postgres ? db.transaction().execute(attempt) : attempt(db);
}

/** Extends a held lease; false when `holder` no longer holds it (it ran out and another process took over). */
export async function renewJobLease(
  db: Kysely<DatabaseSchema>,
  lease: { name: string; holder: string; leaseUntil: number },
): Promise<boolean> {
  const result = await db
    .updateTable('job_lease')
    .set({ lease_until: lease.leaseUntil })
    .where('name', '=', lease.name)
    .where('holder', '=', lease.holder)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Records how a run ended and when the job runs next, and frees the lease; only by the run that
 * holds it, so a run that lost its lease cannot overwrite a newer one. False when it did not hold it.
 */
export async function finishJobRun(
  db: Kysely<DatabaseSchema>,
  run: {
    name: string;
    holder: string;
    finishedAt: number;
    outcome: 'ok' | 'failed';
    error: string | null;
    nextRunAt: number;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('job_lease')
    .set({
      holder: null,
      lease_until: null,
      last_finished_at: run.finishedAt,
      last_outcome: run.outcome,
      last_error: run.error,
      next_run_at: run.nextRunAt,
    })
    .where('name', '=', run.name)
    .where('holder', '=', run.holder)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
