import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';

/** Where a staff member wants "an errand is yours" e-mails; null when they want none (or are unknown). */
export async function findAssignmentEmail(db: Kysely<DatabaseSchema>, hsaId: string): Promise<string | null> {
  const row = await db
    .selectFrom('staff_member')
    .select('assignment_email')
    .where('hsa_id', '=', hsaId)
    .executeTakeFirst();
  return row?.assignment_email ?? null;
}

/** Sets (or with null clears) the address; the staff member's row exists from their login. */
export async function saveAssignmentEmail(
  db: Kysely<DatabaseSchema>,
  hsaId: string,
  email: string | null,
  now: number,
): Promise<void> {
  await db
    .updateTable('staff_member')
    .set({ assignment_email: email, updated_at: now })
    .where('hsa_id', '=', hsaId)
    .execute();
}
