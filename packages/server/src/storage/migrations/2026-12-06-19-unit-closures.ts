import type { Kysely } from 'kysely';
import { timestampType } from './portable.ts';

// A unit's scheduled closures (issue 18, beyond 1177): e.g. summer weeks. Dates are Swedish
// calendar dates as `YYYY-MM-DD` text (so they compare as text on both databases), `ends_on`
// included. `keeps_open` is a JSON list of the errand types citizens may still send;
// `cover_unit_hsa_id` names a unit of the same region that takes errands sent during it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('unit_closure')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('unit_hsa_id', 'text', (c) => c.notNull().references('care_unit.hsa_id'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('keeps_open', 'text', (c) => c.notNull())
    .addColumn('message_sv', 'text')
    .addColumn('message_en', 'text')
    .addColumn('cover_unit_hsa_id', 'text', (c) => c.references('care_unit.hsa_id'))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('unit_closure_unit_idx').on('unit_closure').columns(['unit_hsa_id', 'ends_on']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('unit_closure').execute();
}
