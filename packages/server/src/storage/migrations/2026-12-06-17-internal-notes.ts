import type { Kysely } from 'kysely';
import { binaryType, timestampType } from './portable.ts';

// Internal notes on an errand (issue 18): staff only, sealed under the errand's own key like its
// messages (so retention's deletion keys shred them too), never part of the citizen's thread.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('errand_note')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('errand_id', 'text', (c) => c.notNull().references('errand.id').onDelete('cascade'))
    .addColumn('author_hsa_id', 'text', (c) => c.notNull())
    .addColumn('content', binaryType(db), (c) => c.notNull())
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('errand_note_errand_idx')
    .on('errand_note')
    .columns(['errand_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('errand_note').execute();
}
