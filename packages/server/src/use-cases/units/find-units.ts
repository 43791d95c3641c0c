import type { UnitView } from '@kontakta/contract';
import { type CitizenActor, citizenActedFor, searchWords } from '@kontakta/domain';
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
  const citizenId = citizenActedFor(ctx.actor);
  return { items: (await listUnitsUsedByCitizen(ctx.database.db, citizenId)).map(unitView) };
}

/**
 * Search by words of the unit's name, municipality, city or postcode; every word must match.
 * Case and diacritics do not matter: the query is folded as the stored search text was.
 */
export async function searchUnits(
  ctx: UseCaseContext,
  query: { q: string; cursor?: string | undefined; limit?: number | undefined },
) {
  const words = searchWords(query.q, 5);
  const limit = query.limit ?? 20;
  const after = decodeCursor(query.cursor, { name: 'string', hsaId: 'string' });
  const rows = await searchCareUnits(ctx.database.db, words, limit + 1, after);
  const page = pageOf(rows, limit, (row) => ({ name: row.name, hsaId: row.hsa_id }));
  return { items: page.items.map(unitView), nextCursor: page.nextCursor };
}
