import type { Kysely } from 'kysely';
import { timestampType } from './portable.ts';

// Counters for the messages that carry a code (login codes, address confirmations), so that they
// cannot be sent without bound: per account, per recipient and, for SMS, for the whole
// installation (see identity/code-message.policy.ts). One row per key and fixed window; the key
// is an HMAC where it would name a person or an address. Counted with one upsert, so parallel
// requests cannot slip past a limit; the index lets old windows be deleted cheaply.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('message_limit')
    .addColumn('key', 'text', (c) => c.primaryKey().notNull())
    .addColumn('window_start', timestampType(db), (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('message_limit_window_idx').on('message_limit').column('window_start').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('message_limit').execute();
}
