import type { Kysely } from 'kysely';

// "Send a new code" in the password login: how many times the code of a pending login has been
// replaced by a new one (a few per login; `created_at` is when the latest one was sent).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('login_code')
    .addColumn('resends', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('login_code').dropColumn('resends').execute();
}
