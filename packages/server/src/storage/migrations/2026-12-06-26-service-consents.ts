import type { Kysely } from 'kysely';
import { timestampType } from './portable.ts';

// A citizen may withdraw a consent to hand their login over to a connected service (issue 16
// point 2): the consent row goes, so the next hand-over asks again. What the citizen did is kept,
// like their other actions: an append-only record of consents withdrawn, read by citizen.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('connected_service_consent_event')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('at', timestampType(db), (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('citizen_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('claims', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('connected_service_consent_event_citizen_idx')
    .on('connected_service_consent_event')
    .columns(['citizen_id', 'at'])
    .execute();
  // The citizen's consents newest first, a page at a time.
  await db.schema
    .createIndex('connected_service_consent_citizen_granted_idx')
    .on('connected_service_consent')
    .columns(['citizen_id', 'granted_at', 'service_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('connected_service_consent_citizen_granted_idx').execute();
  await db.schema.dropTable('connected_service_consent_event').execute();
}
