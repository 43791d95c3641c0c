import type { Kysely, Selectable, Updateable } from 'kysely';
import type { DatabaseSchema, UnitExternalLinkTable } from '../schema.ts';

export type UnitExternalLinkRow = Selectable<UnitExternalLinkTable>;

/** A unit's links out (external services on its contact card), in the order the unit chose. */
export async function listUnitExternalLinks(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
): Promise<UnitExternalLinkRow[]> {
  return db
    .selectFrom('unit_external_link')
    .selectAll()
    .where('unit_hsa_id', '=', unitHsaId)
    .orderBy('position')
    .execute();
}

export async function findUnitExternalLink(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  id: string,
): Promise<UnitExternalLinkRow | undefined> {
  return db
    .selectFrom('unit_external_link')
    .selectAll()
    .where('unit_hsa_id', '=', unitHsaId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertUnitExternalLink(db: Kysely<DatabaseSchema>, row: UnitExternalLinkRow): Promise<void> {
  await db.insertInto('unit_external_link').values(row).execute();
}

export async function updateUnitExternalLink(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  id: string,
  changes: Updateable<UnitExternalLinkTable>,
): Promise<void> {
  await db
    .updateTable('unit_external_link')
    .set(changes)
    .where('unit_hsa_id', '=', unitHsaId)
    .where('id', '=', id)
    .execute();
}

export async function deleteUnitExternalLink(db: Kysely<DatabaseSchema>, unitHsaId: string, id: string): Promise<void> {
  await db.deleteFrom('unit_external_link').where('unit_hsa_id', '=', unitHsaId).where('id', '=', id).execute();
}
