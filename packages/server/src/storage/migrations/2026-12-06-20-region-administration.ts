import type { Kysely } from 'kysely';
import { timestampType } from './portable.ts';

// Regional administration (issue 16): a staff session may be for a region instead of a unit, and
// a region sets its base offering: which national errand types its units may offer, and the
// defaults they start from. No policy row for a type means allowed with the national defaults, so
// every region starts where Kontakta was before. Changes are recorded like a unit's, append-only.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('session').addColumn('region_code', 'text').execute();
  await db.schema
    .createTable('region_errand_type_policy')
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('errand_type', 'text', (c) => c.notNull())
    .addColumn('allowed', 'integer', (c) => c.notNull())
    .addColumn('open_to_proxies', 'integer', (c) => c.notNull())
    .addColumn('citizen_may_reply', 'integer', (c) => c.notNull())
    .addColumn('reply_amount', 'integer')
    .addColumn('reply_unit', 'text')
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('region_errand_type_policy_pk', ['region_code', 'errand_type'])
    .execute();
  await db.schema
    .createTable('region_admin_change')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('at', timestampType(db), (c) => c.notNull())
    .addColumn('staff_hsa_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('errand_type', 'text')
    .execute();
  await db.schema
    .createIndex('region_admin_change_region_at_idx')
    .on('region_admin_change')
    .columns(['region_code', 'at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('region_admin_change').execute();
  await db.schema.dropTable('region_errand_type_policy').execute();
  await db.schema.alterTable('session').dropColumn('region_code').execute();
}
