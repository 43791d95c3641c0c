import type { Kysely } from 'kysely';
import { timestampType } from './portable.ts';

// What a unit's contact card tells citizens beyond its errand types, set by its administrators:
// - `unit_contact_card`: phone, visiting address (null: the catalogue's address), opening hours
//   (JSON: one opening per weekday, closed days left out) with a free note, a short description.
// - `unit_reply_time`: the reply time the unit promises per errand type, as a number of working
//   days or working hours; no row means the unit has not said.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('unit_contact_card')
    .addColumn('unit_hsa_id', 'text', (c) => c.primaryKey().notNull().references('care_unit.hsa_id'))
    .addColumn('phone', 'text')
    .addColumn('visiting_street', 'text')
    .addColumn('visiting_postal_code', 'text')
    .addColumn('visiting_city', 'text')
    .addColumn('opening_hours', 'text', (c) => c.notNull())
    .addColumn('opening_hours_note', 'text')
    .addColumn('description_sv', 'text')
    .addColumn('description_en', 'text')
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createTable('unit_reply_time')
    .addColumn('unit_hsa_id', 'text', (c) => c.notNull().references('care_unit.hsa_id'))
    .addColumn('errand_type', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_reply_time_pkey', ['unit_hsa_id', 'errand_type'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('unit_reply_time').execute();
  await db.schema.dropTable('unit_contact_card').execute();
}
