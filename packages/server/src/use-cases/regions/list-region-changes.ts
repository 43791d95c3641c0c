import type { RegionAdminChangeList } from '@kontakta/contract';
import type { StaffActor } from '@kontakta/domain';
import { findStaffNames } from '../../storage/repositories/people.repository.ts';
import { listRegionAdminChanges } from '../../storage/repositories/region-administration.repository.ts';
import { decodeCursor, pageOf } from '../pagination.ts';
import type { UseCaseContext } from '../services.ts';
import { regionOf } from './region-administration.ts';

/** Who changed the region's base offering and when, newest first, for its regional administrators. */
export async function listRegionChanges(
  ctx: UseCaseContext<StaffActor>,
  query: { cursor?: string | undefined; limit?: number | undefined },
): Promise<RegionAdminChangeList> {
  const regionCode = regionOf(ctx.actor);
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, { at: 'number', id: 'string' });
  const { db } = ctx.database;
  const rows = await listRegionAdminChanges(db, regionCode, limit + 1, after);
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
    })),
    nextCursor: page.nextCursor,
  };
}
