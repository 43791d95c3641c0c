import { type Kysely, sql } from 'kysely';
import { precompiledQuery } from '../precompiled-query.ts';
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
  if (ids.staff.length === 0 && ids.citizens.length === 0) return [];
  // An errand names a few people: those shapes are compiled once each (issue 20), the rare long
  // history is built as it comes.
  if (ids.staff.length > COMPILED_UP_TO || ids.citizens.length > COMPILED_UP_TO)
    return peopleQuery(db, ids.staff, ids.citizens).execute();
  const shape = `${ids.staff.length}:${ids.citizens.length}`;
  let query = peopleByShape.get(shape);
  if (!query) {
    const slots = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
    const staffSlots = slots('s', ids.staff.length);
    const citizenSlots = slots('c', ids.citizens.length);
    query = precompiledQuery<Record<string, string>, PersonRow>((db, a) =>
      peopleQuery(
        db,
        staffSlots.map((name) => a[name] as string),
        citizenSlots.map((name) => a[name] as string),
      ),
    );
    peopleByShape.set(shape, query);
  }
  const args: Record<string, string> = {};
  ids.staff.forEach((id, i) => {
    args[`s${i}`] = id;
  });
  ids.citizens.forEach((id, i) => {
    args[`c${i}`] = id;
  });
  return query(db, args);
}

const COMPILED_UP_TO = 6;
const peopleByShape = new Map<string, ReturnType<typeof precompiledQuery<Record<string, string>, PersonRow>>>();

function peopleQuery(db: Kysely<DatabaseSchema>, staffIds: readonly string[], citizenIds: readonly string[]) {
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
    .where('hsa_id', 'in', [...staffIds]);
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
    .where('id', 'in', [...citizenIds]);
  if (citizenIds.length === 0) return staff;
  if (staffIds.length === 0) return citizens;
  return staff.unionAll(citizens);
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
