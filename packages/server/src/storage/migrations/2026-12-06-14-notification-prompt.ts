import type { Kysely } from 'kysely';
import { timestampType } from './portable.ts';

// "Inte nu" to the question after login about where to send notifications (issue 17): remembered
// on the server, not in the browser, so the question does not come back at every login. One row
// per person asked (`asked_citizen_id`) and person whose notifications it is about (`citizen_id`):
// a guardian acting for a child is asked for the child's, and each guardian answers for themself.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notification_prompt_decline')
    .addColumn('citizen_id', 'text', (c) => c.notNull().references('citizen.id').onDelete('cascade'))
    .addColumn('asked_citizen_id', 'text', (c) => c.notNull().references('citizen.id').onDelete('cascade'))
    .addColumn('declined_at', timestampType(db), (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_prompt_decline_pk', ['citizen_id', 'asked_citizen_id'])
    .execute();
  // The asking person's rows go with them (the foreign key's cascade looks them up by this column).
  await db.schema
    .createIndex('notification_prompt_decline_asked_idx')
    .on('notification_prompt_decline')
    .column('asked_citizen_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notification_prompt_decline').execute();
}
