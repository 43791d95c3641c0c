import type { Kysely } from 'kysely';
import { timestampType } from './portable.ts';

// A unit's standard answers (issue 18): unit data like its settings, changed by its unit
// administrators (with the change log), inserted and edited by caregivers when they answer.
// English is optional (Swedish is shown where it is missing); `errand_types` is a JSON list of
// the types a template is for, empty for every type.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('answer_template')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('unit_hsa_id', 'text', (c) => c.notNull())
    .addColumn('title_sv', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text')
    .addColumn('text_sv', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text')
    .addColumn('errand_types', 'text', (c) => c.notNull())
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createIndex('answer_template_unit_idx')
    .on('answer_template')
    .columns(['unit_hsa_id', 'title_sv'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('answer_template').execute();
}
