import type { Kysely } from 'kysely';
import { timestampType } from './portable.ts';

// Security events: what an operator or a security officer looks into (a member of staff asking
// for errands they may not see), kept apart from the access log, which is the citizen's extract
// of who read their errands. No personal data of citizens: ids of staff, unit and errand only.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('security_event')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('at', timestampType(db), (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('staff_hsa_id', 'text')
    .addColumn('unit_hsa_id', 'text')
    .addColumn('subject', 'text')
    .addColumn('request_id', 'text')
    .execute();
  await db.schema
    .createIndex('security_event_staff_idx')
    .on('security_event')
    .columns(['staff_hsa_id', 'at'])
    .execute();
  await db.schema.createIndex('security_event_at_idx').on('security_event').column('at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('security_event').execute();
}
