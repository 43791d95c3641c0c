import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../storage/schema.ts';

/**
 * Tests of tamper detection play an attacker who holds the database's schema rights: such a
 * person can drop the append-only guard (migration 2026-12-06-02) and then edit the access log.
 * The hash chain and exported heads must catch what follows.
 */
export async function dropAccessLogGuard(db: Kysely<DatabaseSchema>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect === 'postgres') {
    await sql`DROP TRIGGER access_log_no_change ON access_log`.execute(db);
    return;
  }
  await sql`DROP TRIGGER access_log_no_update`.execute(db);
  await sql`DROP TRIGGER access_log_no_delete`.execute(db);
}
