import { type Kysely, sql } from 'kysely';
import { timestampType } from './portable.ts';

// Proxy for children (ombud) and the inbox messages the service sends citizens.
// - `proxy`: a guardian acting for a child; ended proxies stay (ended_at, end_reason) as the record
//   of who could act for whom and when. At most one active proxy per guardian and child.
// - `proxy_event`: added, acting started and stopped, ended: the record that every switch is logged.
// - `proxy_notice`: which notice before the age limit went out, so the job sends each exactly once.
// - `inbox_message`: a message from the service or a unit, not an errand. It holds a template name
//   and non-personal values (dates); names are looked up when it is shown, in the reader's language.
// - `session.acting_for_citizen_id`: the child a guardian's session acts for, if any.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('proxy')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('guardian_citizen_id', 'text', (c) => c.notNull())
    .addColumn('child_citizen_id', 'text', (c) => c.notNull())
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('ended_at', timestampType(db))
    .addColumn('end_reason', 'text')
    .execute();
  await db.schema
    .createIndex('proxy_active_pair_idx')
    .on('proxy')
    .columns(['guardian_citizen_id', 'child_citizen_id'])
    .unique()
    .where(sql.ref('ended_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('proxy_active_child_idx')
    .on('proxy')
    .column('child_citizen_id')
    .where(sql.ref('ended_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('proxy_event')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('proxy_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('at', timestampType(db), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('proxy_event_proxy_idx').on('proxy_event').columns(['proxy_id', 'at']).execute();

  await db.schema
    .createTable('proxy_notice')
    .addColumn('child_citizen_id', 'text', (c) => c.notNull())
    .addColumn('notice', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('sent_at', timestampType(db), (c) => c.notNull())
    .addPrimaryKeyConstraint('proxy_notice_pk', ['child_citizen_id', 'notice', 'end_date'])
    .execute();

  await db.schema
    .createTable('inbox_message')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('citizen_id', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('about_citizen_id', 'text')
    .addColumn('unit_hsa_id', 'text')
    .addColumn('values', 'text', (c) => c.notNull())
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('read_at', timestampType(db))
    .execute();
  await db.schema
    .createIndex('inbox_message_citizen_idx')
    .on('inbox_message')
    .columns(['citizen_id', 'created_at', 'id'])
    .execute();

  await db.schema.alterTable('session').addColumn('acting_for_citizen_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('session').dropColumn('acting_for_citizen_id').execute();
  await db.schema.dropTable('inbox_message').execute();
  await db.schema.dropTable('proxy_notice').execute();
  await db.schema.dropTable('proxy_event').execute();
  await db.schema.dropTable('proxy').execute();
}
