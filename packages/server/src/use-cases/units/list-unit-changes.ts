import type { StaffActor } from '@kontakta/domain';
import { findStaffNames } from '../../storage/repositories/people.repository.ts';
import { listUnitAdminChanges } from '../../storage/repositories/unit-administration.repository.ts';
import { decodeCursor, pageOf } from '../pagination.ts';
import type { UseCaseContext } from '../services.ts';
import { assertUnitAdministrator } from './unit-administration.ts';

/** Who changed the unit's e-services and when, newest first, for its administrators. */
export async function listUnitChanges(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  query: { cursor?: string | undefined; limit?: number | undefined },
) {
  assertUnitAdministrator(ctx.actor, unitHsaId);
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, { at: 'number', id: 'string' });
  const { db } = ctx.database;
  const rows = await listUnitAdminChanges(db, unitHsaId, limit + 1, after);
  const page = pageOf(rows, limit, (row) => ({ at: row.at, id: row.id }));
  const names = new Map(
    (await findStaffNames(db, [...new Set(page.items.map((row) => row.staff_hsa_id))])).map((n) => [
      n.id,
      `${n.given_name} ${n.family_name}`,
    ]),
  );
  return {
    items: page.items.map((row) => ({
      at: row.at,
      staffHsaId: row.staff_hsa_id,
      staffName: names.get(row.staff_hsa_id) ?? row.staff_hsa_id,
      action: row.action,
      errandType: row.errand_type,
      formVersion: row.form_version,
      linkId: row.link_id,
    })),
    nextCursor: page.nextCursor,
  };
}
