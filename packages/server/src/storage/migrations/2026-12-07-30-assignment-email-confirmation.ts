import type { Kysely } from 'kysely';
import { timestampType } from './portable.ts';

// A caregiver's address for "an errand is assigned to you" e-mails (issue 18 pt 4) is confirmed
// with a code sent to it, as a citizen's notification address is: until the code has come back
// (`assignment_email_verified_at`) nothing is sent there, so a mistyped address never receives
// mail about someone's work. The code waiting to be confirmed is kept as the citizen's are
// (`contact_verification`: an HMAC, never the digits), one per staff member.
//
// Addresses set before this were never confirmed: they stay, unconfirmed, until their owner
// confirms them (the profile page offers a code).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff_member').addColumn('assignment_email_verified_at', timestampType(db)).execute();
  await db.schema
    .createTable('staff_contact_verification')
    .addColumn('staff_hsa_id', 'text', (c) =>
      c.primaryKey().notNull().references('staff_member.hsa_id').onDelete('cascade'),
    )
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('expires_at', timestampType(db), (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('staff_contact_verification').execute();
  await db.schema.alterTable('staff_member').dropColumn('assignment_email_verified_at').execute();
}
