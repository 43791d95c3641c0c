import type { Kysely } from 'kysely';
import { timestampType } from './portable.ts';

// What each care unit offers (its contact card) and every version of every form it has used.
// A form version is immutable: errands point at the version they were sent with.
// Flags are integers 0/1 on both databases.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('form_version')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('unit_hsa_id', 'text', (c) => c.notNull().references('care_unit.hsa_id'))
    .addColumn('errand_type', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('answer_definition', 'text', (c) => c.notNull())
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('form_version_unit_type_version_key', ['unit_hsa_id', 'errand_type', 'version'])
    .execute();

  await db.schema
    .createTable('unit_errand_type')
    .addColumn('unit_hsa_id', 'text', (c) => c.notNull().references('care_unit.hsa_id'))
    .addColumn('errand_type', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('open_to_proxies', 'integer', (c) => c.notNull())
    .addColumn('citizen_may_reply', 'integer', (c) => c.notNull())
    .addColumn('current_version_id', 'text', (c) => c.references('form_version.id'))
    .addColumn('name_sv', 'text')
    .addColumn('name_en', 'text')
    .addColumn('description_sv', 'text')
    .addColumn('description_en', 'text')
    .addColumn('retired_at', timestampType(db))
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_errand_type_pkey', ['unit_hsa_id', 'errand_type'])
    .execute();

  await db.schema
    .createTable('unit_external_link')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('unit_hsa_id', 'text', (c) => c.notNull().references('care_unit.hsa_id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title_sv', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('unit_external_link_unit_idx')
    .on('unit_external_link')
    .columns(['unit_hsa_id', 'position'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('unit_external_link').execute();
  await db.schema.dropTable('unit_errand_type').execute();
  await db.schema.dropTable('form_version').execute();
}
