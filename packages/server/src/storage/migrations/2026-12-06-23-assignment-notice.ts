import type { Kysely } from 'kysely';

// A caregiver may ask for a content-free e-mail when an errand is given to them (issue 18 pt 4):
// the address is their own choice on their profile, null (the default) sends nothing. It sits on
// the staff member, not the unit: the same caregiver serves at several units, and the e-mail goes
// to them, not to a unit's mailbox.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff_member').addColumn('assignment_email', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff_member').dropColumn('assignment_email').execute();
}
