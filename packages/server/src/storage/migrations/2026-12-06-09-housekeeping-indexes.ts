import type { Kysely } from 'kysely';

// The housekeeping jobs (jobs/*-housekeeping.job.ts) delete old rows a batch at a time, oldest
// first, by each table's time column. Every other table they clean already has that index; the
// address confirmations (`contact_verification`) were only ever looked up by citizen, so they
// get theirs here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('contact_verification_expires_idx')
    .on('contact_verification')
    .column('expires_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('contact_verification_expires_idx').execute();
}
