import type { Kysely } from 'kysely';

// Where the citizen wanted to go before an e-ID login (issue 17): kept with the login flow on the
// server, not in the browser, and opened after the provider's answer. Null: the start page.
// Only a safe same-site path is stored (`safeReturnPath` in the contract); it is checked again
// before the redirect.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('login_flow').addColumn('return_path', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('login_flow').dropColumn('return_path').execute();
}
