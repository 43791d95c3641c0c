import type { Insertable, Kysely } from 'kysely';
import type { DatabaseSchema, SecurityEventTable } from '../schema.ts';

export async function insertSecurityEvent(
  db: Kysely<DatabaseSchema>,
  row: Insertable<SecurityEventTable>,
): Promise<void> {
  await db.insertInto('security_event').values(row).execute();
}

/** How many events of a kind one member of staff caused since `since` (the staff index). */
export async function countStaffSecurityEvents(
  db: Kysely<DatabaseSchema>,
  staffHsaId: string,
  kind: SecurityEventTable['kind'],
  since: number,
): Promise<number> {
  const row = await db
    .selectFrom('security_event')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('staff_hsa_id', '=', staffHsaId)
    .where('at', '>=', since)
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
