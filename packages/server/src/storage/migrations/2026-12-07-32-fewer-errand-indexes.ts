import type { Kysely } from 'kysely';

// Every index on `errand` is written on every send and on every change of the columns it holds;
// a send's profile is half SQLite inserts (issue 20). Two were doing nothing:
// - `errand_unit_waiting_idx` (unit, waiting_since) is the first half of
//   `errand_unit_waiting_order_idx` (unit, waiting_since, created_at, id), which answers the same
//   lookups (the unanswered-by-age counts, the waiting-time order);
// - `errand_last_event_idx` (last_event_at) was for retention before errands kept `expires_at`;
//   no query filters or orders all errands by it any more (a citizen's folders use
//   `errand_citizen_folder_idx`).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('errand_unit_waiting_idx').execute();
  await db.schema.dropIndex('errand_last_event_idx').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('errand_last_event_idx').on('errand').columns(['last_event_at']).execute();
  await db.schema
    .createIndex('errand_unit_waiting_idx')
    .on('errand')
    .columns(['unit_hsa_id', 'waiting_since'])
    .execute();
}
