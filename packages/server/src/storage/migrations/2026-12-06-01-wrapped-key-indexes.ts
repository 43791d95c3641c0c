import type { Kysely } from 'kysely';

// Key rotation and the start-up check ask which master keys the data still references and how
// many rows each: with these indexes that costs a few index probes, not a scan of every errand.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('errand_key_id').on('errand').columns(['key_id', 'id']).execute();
  await db.schema.createIndex('calendar_note_key_id').on('calendar_note').columns(['key_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('calendar_note_key_id').execute();
  await db.schema.dropIndex('errand_key_id').execute();
}
