import type { Kysely, Selectable } from 'kysely';
import type { CitizenContactTable, DatabaseSchema } from '../schema.ts';

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
