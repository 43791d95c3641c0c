import type { Kysely } from 'kysely';
import { timestampType } from './portable.ts';

// `Idempotency-Key` on sending, answering and replying: one row per key and actor for 24 hours.
// A row without `status_code` is a request still running (or one that died: `claim` tells the
// holder, who alone may complete it); with it, the response to repeat. Only ids and statuses are
// stored as the response, never errand content, and the fingerprint is a keyed hash of the request.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('idempotency_key')
    // `citizen:<id>` (with `:for:<child id>` while acting as proxy) or `staff:<HSA-id>`.
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('claim', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('fingerprint_key_id', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_key_pk', ['actor', 'key'])
    .execute();
  // The clean-up deletes the oldest expired rows a few at a time.
  await db.schema.createIndex('idempotency_key_created_idx').on('idempotency_key').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('idempotency_key').execute();
}
