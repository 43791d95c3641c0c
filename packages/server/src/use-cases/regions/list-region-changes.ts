import type { RegionAdminChangeList } from '@kontakta/contract';
import type { StaffActor } from '@kontakta/domain';
import { listRegionAdminChanges } from '../../storage/repositories/region-administration.repository.ts';
import type { UseCaseContext } from '../services.ts';
import { changeLogPage } from '../units/change-log-page.ts';
import { regionOf } from './region-administration.ts';

/** Who changed the region's base offering and when, newest first, for its regional administrators. */
export async function listRegionChanges(
  ctx: UseCaseContext<StaffActor>,
  query: { cursor?: string | undefined; limit?: number | undefined },
): Promise<RegionAdminChangeList> {
  const regionCode = regionOf(ctx.actor);
  const { db } = ctx.database;
  const page = await changeLogPage(db, query, (limit, after) => listRegionAdminChanges(db, regionCode, limit, after));
  return {
    items: page.items.map(({ row, staffName }) => ({
      at: row.at,
      staffHsaId: row.staff_hsa_id,
      staffName,
      action: row.action,
      errandType: row.errand_type,
      serviceId: row.service_id,
    })),
    nextCursor: page.nextCursor,
  };
}
