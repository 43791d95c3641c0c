import type { Kysely } from 'kysely';
import { timestampType } from './portable.ts';

// Scheduled jobs (jobs/scheduler/): one row per job name. Every process runs the same schedules;
// the row's lease decides which one runs a job, and outlives a process killed mid-run only until
// `lease_until`. `last_error` is a short message for the operator, never personal data.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('job_lease')
    .addColumn('name', 'text', (c) => c.primaryKey().notNull())
    .addColumn('holder', 'text')
    .addColumn('lease_until', timestampType(db))
    .addColumn('last_started_at', timestampType(db))
    .addColumn('last_finished_at', timestampType(db))
    .addColumn('last_outcome', 'text')
    .addColumn('last_error', 'text')
    .addColumn('next_run_at', timestampType(db), (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('job_lease').execute();
}
