import type { Kysely, Selectable } from 'kysely';
import type { DatabaseSchema, LoginFlowTable } from '../schema.ts';

export type LoginFlowRow = Selectable<LoginFlowTable>;

export async function insertLoginFlow(db: Kysely<DatabaseSchema>, row: LoginFlowRow): Promise<void> {
  await db.insertInto('login_flow').values(row).execute();
}

/** Reads and deletes in one statement: a flow can be completed once, however often it is replayed. */
export async function takeLoginFlow(db: Kysely<DatabaseSchema>, idHash: string): Promise<LoginFlowRow | undefined> {
  return db.deleteFrom('login_flow').where('id_hash', '=', idHash).returningAll().executeTakeFirst();
}

export async function deleteExpiredLoginFlows(db: Kysely<DatabaseSchema>, now: number): Promise<void> {
  await db.deleteFrom('login_flow').where('expires_at', '<=', now).execute();
}
