import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';

export type NameRow = { id: string; given_name: string; family_name: string; profession?: string };

export async function findCitizenNames(db: Kysely<DatabaseSchema>, ids: readonly string[]): Promise<NameRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('citizen')
    .select(['id', 'given_name', 'family_name'])
    .where('id', 'in', [...ids])
    .execute();
}

export async function findStaffNames(db: Kysely<DatabaseSchema>, hsaIds: readonly string[]): Promise<NameRow[]> {
  if (hsaIds.length === 0) return [];
  return db
    .selectFrom('staff_member')
    .select(['hsa_id as id', 'given_name', 'family_name', 'profession'])
    .where('hsa_id', 'in', [...hsaIds])
    .execute();
}

export async function upsertStaffMember(
  db: Kysely<DatabaseSchema>,
  row: { hsa_id: string; given_name: string; family_name: string; profession: string; updated_at: number },
): Promise<void> {
  await db
    .insertInto('staff_member')
    .values(row)
    .onConflict((oc) =>
      oc.column('hsa_id').doUpdateSet({
        given_name: row.given_name,
        family_name: row.family_name,
        profession: row.profession,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}
