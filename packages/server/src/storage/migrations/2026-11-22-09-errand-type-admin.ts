import type { Kysely } from 'kysely';
import { timestampType } from './portable.ts';

// Who changed a unit's e-services, and when:
// - `updated_by` on what a unit administrator edits (errand types, external links, settings): the
//   latest change, shown beside the setting. Null for what the system set up (default offering).
// - `unit_admin_change`: every change, append-only, written in the same transaction as the change.
//   It names what changed (errand type, form version, link), never the content.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('unit_errand_type').addColumn('updated_by', 'text').execute();
  await db.schema.alterTable('unit_external_link').addColumn('updated_by', 'text').execute();
  await db.schema.alterTable('unit_setting').addColumn('updated_by', 'text').execute();

  await db.schema
    .createTable('unit_admin_change')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('unit_hsa_id', 'text', (c) => c.notNull().references('care_unit.hsa_id'))
    .addColumn('at', timestampType(db), (c) => c.notNull())
    .addColumn('staff_hsa_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('errand_type', 'text')
    .addColumn('form_version', 'integer')
    .addColumn('link_id', 'text')
    .execute();
  await db.schema
    .createIndex('unit_admin_change_unit_idx')
    .on('unit_admin_change')
    .columns(['unit_hsa_id', 'at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('unit_admin_change').execute();
  await db.schema.alterTable('unit_setting').dropColumn('updated_by').execute();
  await db.schema.alterTable('unit_external_link').dropColumn('updated_by').execute();
  await db.schema.alterTable('unit_errand_type').dropColumn('updated_by').execute();
}
