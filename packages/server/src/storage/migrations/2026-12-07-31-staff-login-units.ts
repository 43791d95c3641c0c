import type { Kysely } from 'kysely';

// Staff logins in the statistics (issue 16 pt 3) are counted at the unit where the login starts
// work: straight after the login, or at its first choice of unit. Until now no stored row kept
// that unit, so the count could not be checked against the raw rows. Now the login's own event
// row keeps it (`login_event.unit_hsa_id`, null until work starts at a unit, and for refusals),
// set in the same transaction as the count; and a session keeps the id of the login it came from
// (`session.login_event_id`) so that the first choice of unit, however many sessions later,
// finds that row. The count and the row then agree by construction and a recount proves it.
//
// Earlier logins cannot be placed (nothing kept their unit): their rows stay null, and their
// counts stay in stat_rollup as counted.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('login_event').addColumn('unit_hsa_id', 'text').execute();
  await db.schema.alterTable('session').addColumn('login_event_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('session').dropColumn('login_event_id').execute();
  await db.schema.alterTable('login_event').dropColumn('unit_hsa_id').execute();
}
