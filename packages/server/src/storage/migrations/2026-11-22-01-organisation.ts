import type { Kysely } from 'kysely';
import { timestampType } from './portable.ts';

// Primary keys are NOT NULL explicitly: SQLite would otherwise accept NULL in a text key.
// Regions and care units mirrored from the HSA catalogue, so errands, contact cards and
// statistics can refer to them with foreign keys.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('region')
    .addColumn('code', 'text', (c) => c.primaryKey().notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('care_unit')
    .addColumn('hsa_id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('municipality_name', 'text', (c) => c.notNull())
    .addColumn('street', 'text', (c) => c.notNull())
    .addColumn('postal_code', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('updated_at', timestampType(db), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('care_unit_region_name_idx').on('care_unit').columns(['region_code', 'name']).execute();
  await db.schema
    .createIndex('care_unit_municipality_idx')
    .on('care_unit')
    .columns(['municipality_code', 'name'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('care_unit').execute();
  await db.schema.dropTable('region').execute();
}
