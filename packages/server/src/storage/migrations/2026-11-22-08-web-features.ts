import type { Kysely } from 'kysely';
import { binaryType, timestampType } from './portable.ts';

// The citizen's private calendar (appointments, vaccinations): `calendar_note`. The note's text
// is sealed with its own data key like errand content; only the date and time stay readable, for
// listing a month.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_note')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('citizen_id', 'text', (c) => c.notNull().references('citizen.id').onDelete('cascade'))
    .addColumn('note_date', 'text', (c) => c.notNull())
    .addColumn('note_time', 'text')
    .addColumn('content', binaryType(db), (c) => c.notNull())
    .addColumn('wrapped_key', binaryType(db), (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .execute();
  // A month of the citizen's notes, in date order.
  await db.schema
    .createIndex('calendar_note_citizen_date_idx')
    .on('calendar_note')
    .columns(['citizen_id', 'note_date', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_note').execute();
}
