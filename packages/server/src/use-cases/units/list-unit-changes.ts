import type { StaffActor } from '@kontakta/domain';
import { listUnitAdminChanges } from '../../storage/repositories/unit-administration.repository.ts';
import type { UseCaseContext } from '../services.ts';
import { changeLogPage } from './change-log-page.ts';
import { assertUnitAdministrator } from './unit-administration.ts';

/** Who changed the unit's e-services and when, newest first, for its administrators. */
export async function listUnitChanges(
  ctx: UseCaseContext<StaffActor>,
  unitHsaId: string,
  query: { cursor?: string | undefined; limit?: number | undefined },
) {
  assertUnitAdministrator(ctx.actor, unitHsaId);
  const { db } = ctx.database;
  const page = await changeLogPage(db, query, (limit, after) => listUnitAdminChanges(db, unitHsaId, limit, after));
  return {
    items: page.items.map(({ row, staffName }) => ({
      at: row.at,
      staffHsaId: row.staff_hsa_id,
      staffName,
      action: row.action,
      errandType: row.errand_type,
      formVersion: row.form_version,
      linkId: row.link_id,
    })),
    nextCursor: page.nextCursor,
  };
}
