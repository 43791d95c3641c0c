import type { Kysely } from 'kysely';
import { timestampType } from './portable.ts';

// Retention: errands are deleted when their last event is older than the retention period.
// - `errand.expires_at`: when the errand is deleted; null for errands written before this
//   migration until the retention job sets it (and moves their key to the month's deletion key).
// - `errand.retention_notice_for`: the `expires_at` the citizen was told about, so a new event
//   (which moves the expiry) gets a new notice when its time comes.
// - `errand_tombstone`: what remains of a deleted errand (no content), so that a link to it says
//   "deleted" to those who could see it, and counts can tell deleted from never existing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('errand').addColumn('expires_at', timestampType(db)).execute();
  await db.schema.alterTable('errand').addColumn('retention_notice_for', timestampType(db)).execute();
  await db.schema.createIndex('errand_expires_at_idx').on('errand').columns(['expires_at', 'id']).execute();
  await db.schema
    .createTable('errand_tombstone')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('citizen_id', 'text', (c) => c.notNull())
    .addColumn('unit_hsa_id', 'text', (c) => c.notNull())
    .addColumn('errand_type', 'text', (c) => c.notNull())
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('deleted_at', timestampType(db), (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  // Retention deletes inbox messages by age, across citizens.
  await db.schema.createIndex('inbox_message_created_idx').on('inbox_message').column('created_at').execute();
  await db.schema
    .createIndex('errand_tombstone_unit_idx')
    .on('errand_tombstone')
    .columns(['unit_hsa_id', 'deleted_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('errand_tombstone').execute();
  await db.schema.dropIndex('inbox_message_created_idx').execute();
  await db.schema.dropIndex('errand_expires_at_idx').execute();
  await db.schema.alterTable('errand').dropColumn('retention_notice_for').execute();
  await db.schema.alterTable('errand').dropColumn('expires_at').execute();
}
