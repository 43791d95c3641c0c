import type { Kysely } from 'kysely';

// Every unit inbox page counts the receiver's own errands at the unit (assigned to them, assigned
// or answered). errand_assigned_idx found their errands but not the unit, so SQLite read each
// errand's row to check it: at 1 M errands that count took 85 µs on average, the most expensive
// statement of the page (issue 20, bench/results/2026-12-07-vm-1m.md). With the unit as the
// index's last column the count reads the index alone, and the caregiver's list keeps its order
// (assigned_to, status, created_at, id).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('errand_assigned_idx').execute();
  await db.schema
    .createIndex('errand_assigned_idx')
    .on('errand')
    .columns(['assigned_to', 'status', 'created_at', 'id', 'unit_hsa_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('errand_assigned_idx').execute();
  await db.schema
    .createIndex('errand_assigned_idx')
    .on('errand')
    .columns(['assigned_to', 'status', 'created_at', 'id'])
    .execute();
}
