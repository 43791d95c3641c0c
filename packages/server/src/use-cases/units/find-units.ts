import type { UnitView } from '@kontakta/contract';
import type { CitizenActor } from '@kontakta/domain';
import {
  type CareUnitRow,
  listUnitsUsedByCitizen,
  searchCareUnits,
} from '../../storage/repositories/unit.repository.ts';
import { decodeCursor, pageOf } from '../pagination.ts';
import type { UseCaseContext } from '../services.ts';

export function unitView(row: CareUnitRow): UnitView {
  return {
    hsaId: row.hsa_id,
    name: row.name,
    municipality: row.municipality_name,
    address: `${row.street}, ${row.postal_code} ${row.city}`,
    kind: row.kind,
  };
}

/** Step 1: the units the citizen has used (listing comes with the population register's listing data). */
export async function listMyUnits(ctx: UseCaseContext<CitizenActor>): Promise<{ items: UnitView[] }> {
  const citizenId = ctx.actor.actingForCitizenId ?? ctx.actor.citizenId;
  return { items: (await listUnitsUsedByCitizen(ctx.database.db, citizenId)).map(unitView) };
}

/** Search by any words of the unit's name, municipality or city. */
export async function searchUnits(
  ctx: UseCaseContext,
  query: { q: string; cursor?: string | undefined; limit?: number | undefined },
) {
  const words = query.q
    .toLocaleLowerCase('sv-SE')
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 5);
  const limit = query.limit ?? 20;
  const after = decodeCursor(query.cursor, { name: 'string', hsaId: 'string' });
  const rows = await searchCareUnits(ctx.database.db, words, limit + 1, after);
  const page = pageOf(rows, limit, (row) => ({ name: row.name, hsaId: row.hsa_id }));
  return { items: page.items.map(unitView), nextCursor: page.nextCursor };
}
