import type { Kysely, Selectable } from 'kysely';
import type { CitizenContactTable, ContactVerificationTable, DatabaseSchema } from '../schema.ts';

export type CitizenContactRow = Selectable<CitizenContactTable>;

export async function findCitizenContact(
  db: Kysely<DatabaseSchema>,
  citizenId: string,
): Promise<CitizenContactRow | undefined> {
  return db.selectFrom('citizen_contact').selectAll().where('citizen_id', '=', citizenId).executeTakeFirst();
}

export async function upsertCitizenContact(db: Kysely<DatabaseSchema>, row: CitizenContactRow): Promise<void> {
  const { citizen_id: _id, ...changes } = row;
  await db
    .insertInto('citizen_contact')
    .values(row)
    .onConflict((oc) => oc.column('citizen_id').doUpdateSet(changes))
    .execute();
}

export type ContactVerificationRow = Selectable<ContactVerificationTable>;

export async function replaceContactVerification(
  db: Kysely<DatabaseSchema>,
  row: ContactVerificationRow,
): Promise<void> {
  await db
    .deleteFrom('contact_verification')
    .where('citizen_id', '=', row.citizen_id)
    .where('channel', '=', row.channel)
    .execute();
  await db.insertInto('contact_verification').values(row).execute();
}

export async function findContactVerification(
  db: Kysely<DatabaseSchema>,
  citizenId: string,
  channel: 'email' | 'mobile',
): Promise<ContactVerificationRow | undefined> {
  return db
    .selectFrom('contact_verification')
    .selectAll()
    .where('citizen_id', '=', citizenId)
    .where('channel', '=', channel)
    .executeTakeFirst();
}

export async function countVerificationAttempt(
  db: Kysely<DatabaseSchema>,
  citizenId: string,
  channel: 'email' | 'mobile',
): Promise<void> {
  await db
    .updateTable('contact_verification')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('citizen_id', '=', citizenId)
    .where('channel', '=', channel)
    .execute();
}

export async function deleteContactVerification(
  db: Kysely<DatabaseSchema>,
  citizenId: string,
  channel: 'email' | 'mobile',
): Promise<void> {
  await db
    .deleteFrom('contact_verification')
    .where('citizen_id', '=', citizenId)
    .where('channel', '=', channel)
    .execute();
}

/** Forgets where a citizen's notifications go (e-mail and mobile), with any code waiting to be confirmed. */
export async function forgetCitizenContact(db: Kysely<DatabaseSchema>, citizenId: string, now: number): Promise<void> {
  await db
    .updateTable('citizen_contact')
    .set({ email: null, email_verified_at: null, mobile: null, mobile_verified_at: null, updated_at: now })
    .where('citizen_id', '=', citizenId)
    .execute();
  await db.deleteFrom('contact_verification').where('citizen_id', '=', citizenId).execute();
}
