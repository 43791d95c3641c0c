import type { Kysely } from 'kysely';
import { timestampType } from './portable.ts';

// A citizen's reply surfaces at the unit (issue 18): the errand remembers when the citizen
// replied until the unit answers the reply, so every staff list can mark it ("Nytt meddelande
// från invånaren"). The unit chooses how its functional mailbox hears of new errands and replies:
// an e-mail each time (as before) or one daily digest; `last_digest_at` is where the last digest
// stopped counting, so a digest never counts an errand twice or misses one. Reply deadlines raise
// one content-free notice per wait when passed (`overdue_notice_for`).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('errand').addColumn('citizen_reply_at', timestampType(db)).execute();
  await db.schema
    .alterTable('unit_setting')
    .addColumn('mailbox_notifications', 'text', (col) => col.notNull().defaultTo('each'))
    .execute();
  await db.schema.alterTable('unit_setting').addColumn('last_digest_at', timestampType(db)).execute();
  // The waiting start an "overdue" notice was sent for: one notice per wait, a new wait a new one.
  await db.schema.alterTable('errand').addColumn('overdue_notice_for', timestampType(db)).execute();
  // The unit's list ordered by waiting time (longest first), then received: one index walk.
  await db.schema
    .createIndex('errand_unit_waiting_order_idx')
    .on('errand')
    .columns(['unit_hsa_id', 'waiting_since', 'created_at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('errand_unit_waiting_order_idx').execute();
  await db.schema.alterTable('errand').dropColumn('overdue_notice_for').execute();
  await db.schema.alterTable('unit_setting').dropColumn('last_digest_at').execute();
  await db.schema.alterTable('unit_setting').dropColumn('mailbox_notifications').execute();
  await db.schema.alterTable('errand').dropColumn('citizen_reply_at').execute();
}
