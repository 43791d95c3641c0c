import type { Kysely, Selectable } from 'kysely';
import type { DatabaseSchema, LoginCodeTable } from '../schema.ts';

export type LoginCodeRow = Selectable<LoginCodeTable>;

/** A new code replaces every earlier one for the same credential: only the latest SMS works. */
export async function replaceLoginCode(db: Kysely<DatabaseSchema>, row: LoginCodeRow): Promise<void> {
  await db.deleteFrom('login_code').where('credential_id', '=', row.credential_id).execute();
  await db.insertInto('login_code').values(row).execute();
}

/**
 * "Send a new code": puts a new code in place of the pending login's current one, only if the
 * login is still valid, has resends left and its latest code is old enough. One conditional
 * update, so two requests at once cannot both send. False when nothing was changed.
 */
export async function renewLoginCode(
  db: Kysely<DatabaseSchema>,
  tokenHash: string,
  code: Pick<LoginCodeRow, 'code_hash' | 'created_at' | 'expires_at'>,
  limits: { maxResends: number; sentAtOrBefore: number },
): Promise<boolean> {
  const result = await db
    .updateTable('login_code')
    .set((eb) => ({ ...code, failed_tries: 0, resends: eb('resends', '+', 1) }))
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', code.created_at)
    .where('resends', '<', limits.maxResends)
    .where('created_at', '<=', limits.sentAtOrBefore)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findLoginCode(db: Kysely<DatabaseSchema>, tokenHash: string): Promise<LoginCodeRow | undefined> {
  return db.selectFrom('login_code').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Counts a wrong try; returns the tries used, or undefined when the code is gone. */
export async function countWrongCode(db: Kysely<DatabaseSchema>, tokenHash: string): Promise<number | undefined> {
  const row = await db
    .updateTable('login_code')
    .set((eb) => ({ failed_tries: eb('failed_tries', '+', 1) }))
    .where('token_hash', '=', tokenHash)
    .returning('failed_tries')
    .executeTakeFirst();
  return row?.failed_tries;
}

/** Deletes the code; true only for the one caller that actually removed it (single use). */
export async function consumeLoginCode(db: Kysely<DatabaseSchema>, tokenHash: string): Promise<boolean> {
  const result = await db.deleteFrom('login_code').where('token_hash', '=', tokenHash).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function deleteExpiredLoginCodes(db: Kysely<DatabaseSchema>, now: number): Promise<void> {
  await db.deleteFrom('login_code').where('expires_at', '<=', now).execute();
}
