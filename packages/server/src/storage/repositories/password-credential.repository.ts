import type { Kysely, Selectable } from 'kysely';
import type { DatabaseSchema, PasswordCredentialTable } from '../schema.ts';

export type PasswordCredentialRow = Selectable<PasswordCredentialTable>;

export async function insertPasswordCredential(db: Kysely<DatabaseSchema>, row: PasswordCredentialRow): Promise<void> {
  await db.insertInto('password_credential').values(row).execute();
}

/** The citizen's credentials, newest first: at most one active and the pending ones. */
export async function findPasswordCredentials(
  db: Kysely<DatabaseSchema>,
  citizenId: string,
): Promise<PasswordCredentialRow[]> {
  return db
    .selectFrom('password_credential')
    .selectAll()
    .where('citizen_id', '=', citizenId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function findPasswordCredential(
  db: Kysely<DatabaseSchema>,
  id: string,
): Promise<PasswordCredentialRow | undefined> {
  return db.selectFrom('password_credential').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deletePendingPasswordCredentials(db: Kysely<DatabaseSchema>, citizenId: string): Promise<void> {
  await db
    .deleteFrom('password_credential')
    .where('citizen_id', '=', citizenId)
    .where('status', '=', 'pending')
    .execute();
}

/** Makes this credential the citizen's only one: the first login with it proved the mobile number. */
export async function activatePasswordCredential(
  db: Kysely<DatabaseSchema>,
  credential: { id: string; citizenId: string },
  now: number,
): Promise<void> {
  await db
    .deleteFrom('password_credential')
    .where('citizen_id', '=', credential.citizenId)
    .where('id', '!=', credential.id)
    .execute();
  await db
    .updateTable('password_credential')
    .set({ status: 'active', activated_at: now })
    .where('id', '=', credential.id)
    .where('status', '=', 'pending')
    .execute();
}
