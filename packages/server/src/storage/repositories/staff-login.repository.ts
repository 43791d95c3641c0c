import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';

/** The staff member as the HSA catalogue describes them at this login. */
export async function saveStaffMemberFromCatalogue(
  db: Kysely<DatabaseSchema>,
  staff: { hsaId: string; givenName: string; familyName: string; profession: string },
  now: number,
): Promise<void> {
  await db
    .insertInto('staff_member')
    .values({
      hsa_id: staff.hsaId,
      given_name: staff.givenName,
      family_name: staff.familyName,
      profession: staff.profession,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('hsa_id').doUpdateSet((eb) => ({
        given_name: eb.ref('excluded.given_name'),
        family_name: eb.ref('excluded.family_name'),
        profession: eb.ref('excluded.profession'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}
