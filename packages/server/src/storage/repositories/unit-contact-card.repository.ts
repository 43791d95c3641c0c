import type { Kysely, Selectable } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';
import type { UnitContactCardTable, UnitReplyTimeTable } from '../unit-contact-schema.ts';

export type UnitContactCardRow = Selectable<UnitContactCardTable>;
export type UnitReplyTimeRow = Selectable<UnitReplyTimeTable>;

export async function findUnitContactCard(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
): Promise<UnitContactCardRow | undefined> {
  return db.selectFrom('unit_contact_card').selectAll().where('unit_hsa_id', '=', unitHsaId).executeTakeFirst();
}

export async function upsertUnitContactCard(db: Kysely<DatabaseSchema>, row: UnitContactCardRow): Promise<void> {
  const { unit_hsa_id: _, ...changes } = row;
  await db
    .insertInto('unit_contact_card')
    .values(row)
    .onConflict((oc) => oc.column('unit_hsa_id').doUpdateSet(changes))
    .execute();
}

/** The unit's reply times, one per errand type that has one (primary key: unit, type). */
export async function listUnitReplyTimes(db: Kysely<DatabaseSchema>, unitHsaId: string): Promise<UnitReplyTimeRow[]> {
  return db.selectFrom('unit_reply_time').selectAll().where('unit_hsa_id', '=', unitHsaId).execute();
}

export async function findUnitReplyTime(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  errandType: string,
): Promise<UnitReplyTimeRow | undefined> {
  return db
    .selectFrom('unit_reply_time')
    .selectAll()
    .where('unit_hsa_id', '=', unitHsaId)
    .where('errand_type', '=', errandType)
    .executeTakeFirst();
}

/** Replaces the unit's reply times with `rows` (types left out then have none). */
export async function replaceUnitReplyTimes(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  rows: readonly UnitReplyTimeRow[],
): Promise<void> {
  await db.deleteFrom('unit_reply_time').where('unit_hsa_id', '=', unitHsaId).execute();
  if (rows.length > 0)
    await db
      .insertInto('unit_reply_time')
      .values([...rows])
      .execute();
}
