import type { Kysely } from 'kysely';
import { timestampType } from './portable.ts';

// The transactional outbox: a use case writes the message row in the same transaction as the
// change it announces, and a worker delivers it afterwards (at least once, idempotent by id).
// Rows never carry errand content: only a template name, the recipient and the language.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('parameters', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', timestampType(db), (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('delivered_at', timestampType(db))
    .addColumn('citizen_id', 'text', (c) => c.references('citizen.id').onDelete('set null'))
    .addColumn('errand_id', 'text')
    .execute();
  await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('outbox_citizen_idx').on('outbox').columns(['citizen_id', 'created_at']).execute();
  await db.schema.createIndex('outbox_errand_idx').on('outbox').columns(['errand_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outbox').execute();
}
