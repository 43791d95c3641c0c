import type { CitizenActor } from '@kontakta/domain';
import { citizenActedFor } from '@kontakta/domain';
import { listAccessLogForCitizen } from '../../storage/repositories/access-log.repository.ts';
import { findErrandTypes } from '../../storage/repositories/errand.repository.ts';
import { findStaffNames } from '../../storage/repositories/people.repository.ts';
import { findCareUnits } from '../../storage/repositories/unit.repository.ts';
import { decodeCursor, pageOf } from '../pagination.ts';
import { referenceReads } from '../reference-reads.ts';
import type { UseCaseContext } from '../services.ts';
import { errandTypeName, type Localized } from './errand-names.ts';

/**
 * "Who has read my errands": the citizen's extract of the access log, newest first, with the unit
 * and staff member, so they can judge whether each access was justified (HSLF-FS 2016:40).
 */
export async function listAccessLog(
  ctx: UseCaseContext<CitizenActor>,
  options: { cursor?: string | undefined; limit?: number | undefined },
) {
  const citizenId = citizenActedFor(ctx.actor);
  const limit = options.limit ?? 50;
  const before = decodeCursor(options.cursor, { at: 'number', id: 'string' });
  const { db } = ctx.database;
  const rows = await listAccessLogForCitizen(db, citizenId, limit + 1, before);
  const page = pageOf(rows, limit, (row) => ({ at: row.at, id: row.id }));
  const units = new Map(
    (await findCareUnits(db, [...new Set(page.items.map((r) => r.unit_hsa_id))])).map((u) => [u.hsa_id, u]),
  );
  const staff = new Map(
    (await findStaffNames(db, [...new Set(page.items.map((r) => r.staff_hsa_id))])).map((s) => [s.id, s]),
  );
  const errandTypes = await findErrandTypes(db, [...new Set(page.items.map((r) => r.errand_id))]);
  const names = new Map<string, Localized>();
  const items = [];
  for (const row of page.items) {
    const type = errandTypes.get(row.errand_id) ?? 'deleted';
    const person = staff.get(row.staff_hsa_id);
    items.push({
      errandId: row.errand_id,
      errandType: { id: type, name: await errandTypeName(referenceReads(db), row.unit_hsa_id, type, names) },
      unit: { hsaId: row.unit_hsa_id, name: units.get(row.unit_hsa_id)?.name ?? row.unit_hsa_id },
      // Public care providers' access logs are public documents; staff names may be shown.
      staff: person ? `${person.given_name} ${person.family_name}` : row.staff_hsa_id,
      role: row.role,
      action: row.action,
      at: row.at,
    });
  }
  return { items, nextCursor: page.nextCursor };
}
