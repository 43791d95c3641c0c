import { sql } from 'kysely';
import type { Database } from './database.ts';

/** True when the database answers a trivial query. */
export async function pingDatabase({ db }: Database): Promise<boolean> {
  try {
    await sql`SELECT 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
