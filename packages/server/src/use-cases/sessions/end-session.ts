import type { Database } from '../../storage/database.ts';
import { deleteSession } from '../../storage/repositories/session.repository.ts';
import { hashSessionToken } from './session-tokens.ts';

/** Logout: the session is gone server-side, whatever the browser keeps. */
export async function endSession(database: Database, token: string): Promise<void> {
  await deleteSession(database.db, hashSessionToken(token));
}
