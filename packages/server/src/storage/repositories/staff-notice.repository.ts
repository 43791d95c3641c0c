import type { Kysely, Selectable } from 'kysely';
import type { DatabaseSchema, StaffContactVerificationTable } from '../schema.ts';

export type AssignmentEmail = Readonly<{ address: string; verifiedAt: number | null }>;

/** A staff member's address for "an errand is yours" e-mails, confirmed or not; null when none (or unknown). */
export async function findAssignmentEmail(db: Kysely<DatabaseSchema>, hsaId: string): Promise<AssignmentEmail | null> {
  const row = await db
    .selectFrom('staff_member')
    .select(['assignment_email', 'assignment_email_verified_at'])
    .where('hsa_id', '=', hsaId)
    .executeTakeFirst();
  return row?.assignment_email ? { address: row.assignment_email, verifiedAt: row.assignment_email_verified_at } : null;
}

/** Sets (or with null clears) the address, confirmed when `verifiedAt` is set; the staff member's row exists from their login. */
export async function saveAssignmentEmail(
  db: Kysely<DatabaseSchema>,
  hsaId: string,
  email: string | null,
  verifiedAt: number | null,
  now: number,
): Promise<void> {
  await db
    .updateTable('staff_member')
    .set({ assignment_email: email, assignment_email_verified_at: verifiedAt, updated_at: now })
    .where('hsa_id', '=', hsaId)
    .execute();
}

/** Marks the address confirmed, if it is still the one the code was sent to. */
export async function confirmAssignmentEmail(
  db: Kysely<DatabaseSchema>,
  hsaId: string,
  address: string,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('staff_member')
    .set({ assignment_email_verified_at: now, updated_at: now })
    .where('hsa_id', '=', hsaId)
    .where('assignment_email', '=', address)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export type StaffContactVerificationRow = Selectable<StaffContactVerificationTable>;

// The code waiting for a staff member's address: the same four operations as a citizen's
// (citizen-contact.repository.ts), which the one confirmation mechanism
// (use-cases/settings/address-confirmation.ts) works through.

export async function replaceStaffContactVerification(
  db: Kysely<DatabaseSchema>,
  row: StaffContactVerificationRow,
): Promise<void> {
  await db.deleteFrom('staff_contact_verification').where('staff_hsa_id', '=', row.staff_hsa_id).execute();
  await db.insertInto('staff_contact_verification').values(row).execute();
}

export async function findStaffContactVerification(
  db: Kysely<DatabaseSchema>,
  hsaId: string,
): Promise<StaffContactVerificationRow | undefined> {
  return db.selectFrom('staff_contact_verification').selectAll().where('staff_hsa_id', '=', hsaId).executeTakeFirst();
}

export async function countStaffVerificationAttempt(db: Kysely<DatabaseSchema>, hsaId: string): Promise<void> {
  await db
    .updateTable('staff_contact_verification')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('staff_hsa_id', '=', hsaId)
    .execute();
}

export async function deleteStaffContactVerification(db: Kysely<DatabaseSchema>, hsaId: string): Promise<void> {
  await db.deleteFrom('staff_contact_verification').where('staff_hsa_id', '=', hsaId).execute();
}
