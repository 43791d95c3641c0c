import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';

/** Keeps a replacement session within the absolute end of the one it replaced. */
export async function capSessionExpiry(
  db: Kysely<DatabaseSchema>,
  tokenHash: string,
  expiresAt: number,
): Promise<void> {
  await db
    .updateTable('session')
    .set({ expires_at: expiresAt })
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', expiresAt)
    .execute();
}
