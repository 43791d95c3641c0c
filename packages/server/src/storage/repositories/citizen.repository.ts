import type { Kysely, Selectable } from 'kysely';
import type { CitizenTable, DatabaseSchema } from '../schema.ts';

export type CitizenRow = Selectable<CitizenTable>;

export async function findCitizenById(db: Kysely<DatabaseSchema>, id: string): Promise<CitizenRow | undefined> {
  return db.selectFrom('citizen').selectAll().where('id', '=', id).executeTakeFirst();
}
