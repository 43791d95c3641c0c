import type { Kysely } from 'kysely';
import { binaryType, timestampType } from './portable.ts';

// Errands, their encrypted messages, their event history and the access log.
//
// Content (form answers, messages) lives only in `errand_message.content`, sealed with the
// errand's own data key; the key is stored wrapped by a master key (`wrapped_key`, `key_id`).
// Everything else is what routing, lists and statistics need, and no more.
export async function up(db: Kysely<unknown>): Promise<void> {
  // What a unit decides about its e-services beyond the catalogue: where "new errand" e-mails go
  // and how staff are named to citizens (full name, or profession only).
  await db.schema
    .createTable('unit_setting')
    .addColumn('unit_hsa_id', 'text', (c) => c.primaryKey().notNull().references('care_unit.hsa_id'))
    .addColumn('notification_email', 'text')
    .addColumn('staff_names', 'text', (c) => c.notNull())
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .execute();

  // Where a citizen wants to be told that something is new (never what).
  await db.schema
    .createTable('citizen_contact')
    .addColumn('citizen_id', 'text', (c) => c.primaryKey().notNull().references('citizen.id').onDelete('cascade'))
    .addColumn('email', 'text')
    .addColumn('email_verified_at', timestampType(db))
    .addColumn('mobile', 'text')
    .addColumn('mobile_verified_at', timestampType(db))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .execute();

  // A code sent to a new address; the address counts only once its code has come back.
  await db.schema
    .createTable('contact_verification')
    .addColumn('citizen_id', 'text', (c) => c.notNull().references('citizen.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('expires_at', timestampType(db), (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_verification_pkey', ['citizen_id', 'channel'])
    .execute();

  await db.schema
    .createTable('errand')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('citizen_id', 'text', (c) => c.notNull().references('citizen.id'))
    .addColumn('sent_by_citizen_id', 'text', (c) => c.notNull().references('citizen.id'))
    .addColumn('unit_hsa_id', 'text', (c) => c.notNull().references('care_unit.hsa_id'))
    .addColumn('errand_type', 'text', (c) => c.notNull())
    .addColumn('form_version_id', 'text', (c) => c.notNull().references('form_version.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assigned_to', 'text')
    .addColumn('answered_by', 'text', (c) => c.notNull())
    .addColumn('reply_allowed', 'integer', (c) => c.notNull())
    .addColumn('unread_by_citizen', 'integer', (c) => c.notNull())
    .addColumn('archived_by_citizen', 'integer', (c) => c.notNull())
    .addColumn('has_answer', 'integer', (c) => c.notNull())
    .addColumn('wrapped_key', binaryType(db), (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('first_answered_at', timestampType(db))
    .addColumn('waiting_since', timestampType(db))
    .addColumn('last_event_at', timestampType(db), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  // The citizen's folders (inbox, sent, archive), newest activity first, cursor-paginated.
  await db.schema
    .createIndex('errand_citizen_folder_idx')
    .on('errand')
    .columns(['citizen_id', 'archived_by_citizen', 'last_event_at', 'id'])
    .execute();
  // The unit's inbox by status, oldest waiting first, and by errand type.
  await db.schema
    .createIndex('errand_unit_status_idx')
    .on('errand')
    .columns(['unit_hsa_id', 'status', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('errand_unit_created_idx')
    .on('errand')
    .columns(['unit_hsa_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('errand_assigned_idx')
    .on('errand')
    .columns(['assigned_to', 'status', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('errand_unit_type_idx')
    .on('errand')
    .columns(['unit_hsa_id', 'errand_type', 'created_at', 'id'])
    .execute();
  // A status filter and a type filter together (the unanswered renewals), one range each status.
  await db.schema
    .createIndex('errand_unit_status_type_idx')
    .on('errand')
    .columns(['unit_hsa_id', 'status', 'errand_type', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('errand_unit_waiting_idx')
    .on('errand')
    .columns(['unit_hsa_id', 'waiting_since'])
    .execute();
  await db.schema.createIndex('errand_last_event_idx').on('errand').columns(['last_event_at']).execute();

  await db.schema
    .createTable('errand_message')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('errand_id', 'text', (c) => c.notNull().references('errand.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('author_kind', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('form_version_id', 'text', (c) => c.references('form_version.id'))
    .addColumn('content', binaryType(db), (c) => c.notNull())
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addUniqueConstraint('errand_message_position_key', ['errand_id', 'position'])
    .execute();

  await db.schema
    .createTable('errand_event')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('errand_id', 'text', (c) => c.notNull().references('errand.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text')
    .addColumn('on_behalf_of', 'text')
    .addColumn('assignee', 'text')
    .addColumn('at', timestampType(db), (c) => c.notNull())
    .addUniqueConstraint('errand_event_position_key', ['errand_id', 'position'])
    .execute();

  // Required by Swedish patient-data law: every staff read or change of errand content.
  // Append-only and hash-chained per care unit (one chain per unit keeps writers apart).
  // It references errands by id only, without a foreign key: it outlives deleted errands (≥ 5 years).
  await db.schema
    .createTable('access_log')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('unit_hsa_id', 'text', (c) => c.notNull())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addColumn('errand_id', 'text', (c) => c.notNull())
    .addColumn('citizen_id', 'text', (c) => c.notNull())
    .addColumn('staff_hsa_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('at', timestampType(db), (c) => c.notNull())
    .addColumn('previous_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addUniqueConstraint('access_log_unit_position_key', ['unit_hsa_id', 'position'])
    .execute();
  await db.schema.createIndex('access_log_citizen_idx').on('access_log').columns(['citizen_id', 'at', 'id']).execute();
  await db.schema.createIndex('access_log_errand_idx').on('access_log').columns(['errand_id', 'at']).execute();

  await db.schema
    .createTable('access_log_head')
    .addColumn('unit_hsa_id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'access_log_head',
    'access_log',
    'errand_event',
    'errand_message',
    'errand',
    'contact_verification',
    'citizen_contact',
    'unit_setting',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
