import type { Kysely, Selectable } from 'kysely';
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
