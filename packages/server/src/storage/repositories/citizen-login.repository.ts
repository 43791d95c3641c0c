import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';

export async function findCitizenIdByPersonnummer(
  db: Kysely<DatabaseSchema>,
  personnummer: string,
): Promise<string | undefined> {
  const row = await db.selectFrom('citizen').select('id').where('personnummer', '=', personnummer).executeTakeFirst();
  return row?.id;
}

/**
 * Creates the citizen on first contact, or refreshes the name from the population register.
 * `loggedInAt` marks a completed login; an account set-up is not one. Returns the citizen id.
 */
export async function saveCitizenFromRegister(
  db: Kysely<DatabaseSchema>,
  citizen: { personnummer: string; givenName: string; familyName: string },
  now: number,
  loggedInAt: number | null,
): Promise<string> {
  await db
    .insertInto('citizen')
    .values({
      id: randomUUID(),
      personnummer: citizen.personnummer,
      given_name: citizen.givenName,
      family_name: citizen.familyName,
      created_at: now,
      last_login_at: loggedInAt,
    })
    .onConflict((oc) =>
      oc.column('personnummer').doUpdateSet((eb) => ({
        given_name: eb.ref('excluded.given_name'),
        family_name: eb.ref('excluded.family_name'),
        ...(loggedInAt === null ? {} : { last_login_at: loggedInAt }),
      })),
    )
    .execute();
  const id = await findCitizenIdByPersonnummer(db, citizen.personnummer);
  if (id === undefined) throw new Error('the citizen row vanished right after it was written');
  return id;
}

export async function markCitizenLoggedIn(db: Kysely<DatabaseSchema>, citizenId: string, now: number): Promise<void> {
  await db.updateTable('citizen').set({ last_login_at: now }).where('id', '=', citizenId).execute();
}
