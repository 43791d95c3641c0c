import type { MyUnit, UnitView } from '@kontakta/contract';
import { type CitizenActor, citizenActedFor, searchWords } from '@kontakta/domain';
import {
  type CareUnitRow,
  findCareUnit,
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

/**
 * Step 1: the citizen's own units: where the population register lists them ("Din vårdcentral")
 * first, then the units they have sent errands to, by name. Acting for a child, the child's.
 */
export async function listMyUnits(ctx: UseCaseContext<CitizenActor>): Promise<{ items: MyUnit[] }> {
  const citizenId = citizenActedFor(ctx.actor);
  const [person, used] = await Promise.all([
    ctx.registers.findPerson(ctx.actor.actingForPersonnummer ?? ctx.actor.personnummer),
    listUnitsUsedByCitizen(ctx.database.db, citizenId),
  ]);
  const listedId = person?.listedUnitHsaId;
  // A listing at a unit Kontakta does not know (not in the catalogue it mirrors) is not shown.
  const listed = listedId
    ? (used.find((row) => row.hsa_id === listedId) ?? (await findCareUnit(ctx.database.db, listedId)))
    : undefined;
  const usedIds = new Set(used.map((row) => row.hsa_id));
  return {
    items: [
      ...(listed ? [{ ...unitView(listed), listed: true, used: usedIds.has(listed.hsa_id) }] : []),
      ...used
        .filter((row) => row.hsa_id !== listed?.hsa_id)
        .map((row) => ({ ...unitView(row), listed: false, used: true })),
    ],
  };
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
