import { type Kysely, sql } from 'kysely';

// One-time codes are now stored as an HMAC under a secret derived from the master key, with the
// key's id, instead of a salted SHA-256 (which a stolen row gave up in milliseconds): the salt
// column goes. Codes in flight at the upgrade (they live 5 and 15 minutes) are deleted rather
// than left to fail: the citizen asks for a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`delete from login_code`.execute(db);
  await sql`delete from contact_verification`.execute(db);
  await db.schema.alterTable('login_code').dropColumn('code_salt').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from login_code`.execute(db);
  await db.schema
    .alterTable('login_code')
    .addColumn('code_salt', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}
