import type { Kysely } from 'kysely';
import { timestampType } from './portable.ts';

// What the outbox worker needs beyond the outbox table itself:
// - `claimed_by`: which worker run holds a row in status 'sending'. While a row is 'sending',
//   `next_attempt_at` is the end of that worker's lease; a worker that crashed simply lets the
//   lease run out and the row becomes due again. Marking a row checks `claimed_by`, so a worker
//   that lost its lease cannot overwrite the outcome of the worker that took over.
// - `last_attempt_at`: when the latest attempt started (shown to operators; the time of a bounce).
// - `provider_reference`: what the receiving side calls the message (SMS gateway id, SMTP answer,
//   file name in the print outbox), for tracing a delivery with the provider.
// - `dev_outbox_message`: the development transport's mailbox (KONTAKTA_DEV_OUTBOX=true). Keyed
//   by the outbox id, so a message delivered twice is stored once: the receiver is idempotent.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('claimed_by', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('last_attempt_at', timestampType(db)).execute();
  await db.schema.alterTable('outbox').addColumn('provider_reference', 'text').execute();

  await db.schema
    .createTable('dev_outbox_message')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('attachment', 'text')
    .addColumn('stored_at', timestampType(db), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dev_outbox_message_stored_idx').on('dev_outbox_message').column('stored_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('dev_outbox_message').execute();
  await db.schema.alterTable('outbox').dropColumn('provider_reference').execute();
  await db.schema.alterTable('outbox').dropColumn('last_attempt_at').execute();
  await db.schema.alterTable('outbox').dropColumn('claimed_by').execute();
}
