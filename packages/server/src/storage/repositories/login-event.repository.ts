import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { DatabaseSchema, LoginEventTable } from '../schema.ts';

export type NewLoginEvent = Omit<Insertable<LoginEventTable>, 'id'>;

/** Writes a login event; returns its id. */
export async function insertLoginEvent(
  db: Kysely<DatabaseSchema>,
  event: NewLoginEvent,
  id: string = randomUUID(),
): Promise<string> {
  await db
    .insertInto('login_event')
    .values({ id, ...event })
    .execute();
  return id;
}

/**
 * Records the unit where a staff login started work on its event row, once: undefined when the
 * row already has a unit (a later choice of unit is no new login) or is gone (pruned, or none).
 * Returns what the statistics count it by.
 */
export async function claimLoginEventUnit(
  db: Kysely<DatabaseSchema>,
  id: string,
  unitHsaId: string,
): Promise<{ occurredAt: number; method: string } | undefined> {
  const row = await db
    .updateTable('login_event')
    .set({ unit_hsa_id: unitHsaId })
    .where('id', '=', id)
    .where('audience', '=', 'staff')
    .where('result', '=', 'success')
    .where('unit_hsa_id', 'is', null)
    .returning(['occurred_at', 'method'])
    .executeTakeFirst();
  return row ? { occurredAt: Number(row.occurred_at), method: row.method } : undefined;
}

/** The login event a session came from (staff sessions, kept through choices of unit), or null. */
export async function findSessionLoginEvent(db: Kysely<DatabaseSchema>, tokenHash: string): Promise<string | null> {
  const row = await db
    .selectFrom('session')
    .select('login_event_id')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row?.login_event_id ?? null;
}
