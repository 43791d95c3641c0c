import { type Kysely, sql } from 'kysely';
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

export type PersonRow = NameRow & { kind: 'staff' | 'citizen'; personnummer: string | null };

/** Staff and citizens by id in one statement (an errand's history names both). */
export async function findPeople(
  db: Kysely<DatabaseSchema>,
  ids: { staff: readonly string[]; citizens: readonly string[] },
): Promise<PersonRow[]> {
  const staff = db
    .selectFrom('staff_member')
    .select([
      sql<PersonRow['kind']>`'staff'`.as('kind'),
      'hsa_id as id',
      'given_name',
      'family_name',
      'profession',
      sql<string | null>`null`.as('personnummer'),
    ])
    .where('hsa_id', 'in', [...ids.staff]);
  const citizens = db
    .selectFrom('citizen')
    .select([
      sql<PersonRow['kind']>`'citizen'`.as('kind'),
      'id',
      'given_name',
      'family_name',
      sql<string>`null`.as('profession'),
      sql<string | null>`personnummer`.as('personnummer'),
    ])
    .where('id', 'in', [...ids.citizens]);
  if (ids.citizens.length === 0) return ids.staff.length === 0 ? [] : staff.execute();
  if (ids.staff.length === 0) return citizens.execute();
  return staff.unionAll(citizens).execute();
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
