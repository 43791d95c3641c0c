import type { Kysely } from 'kysely';

// An event's counts are 18 rollup rows (migration -25); raising them in the event's own
// transaction cost a send ~1 ms of CPU and halved its throughput. The event now writes one row
// here, in its transaction as before, and the rows are folded into stat_rollup in batches (many
// events of one unit, type and day become one upsert): by a job every minute, and by a statistics
// read before it reads, so what is shown is always exact.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stat_pending')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('unit_hsa_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('bucket', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('stat_pending').execute();
}
