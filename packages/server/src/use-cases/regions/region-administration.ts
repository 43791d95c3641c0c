import { randomUUID } from 'node:crypto';
import type { RegionAdminAction } from '@kontakta/contract';
import type { Actor, StaffActor } from '@kontakta/domain';
import type { Kysely } from 'kysely';
import {
  insertRegionAdminChange,
  lockRegionForChange,
} from '../../storage/repositories/region-administration.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';

// What every regional-administration use case shares: who may act for a region, one transaction
// per change with the region locked, and the record of who changed what.

/**
 * Only a regional administrator working in their region (chosen at login, re-checked against the
 * catalogue on every request) may see or change it; the region is the session's, so no request
 * can name another. Staff without the role get 403 (the pages exist, they may not use them); a
 * citizen session never reaches the staff side (404, like every staff endpoint).
 */
export function assertRegionAdministrator(actor: Actor): asserts actor is StaffActor & { regionCode: string } {
  if (actor.kind !== 'staff') throw new AppError('not-found');
  if (!actor.regionCode || !actor.roles.includes('region-administrator')) {
    throw new AppError('forbidden', 'region-administrators-only');
  }
}

/** The session's region, for a regional administrator; refuses everyone else (see above). */
export function regionOf(actor: Actor): string {
  assertRegionAdministrator(actor);
  return actor.regionCode;
}

/** Runs one change to the region in a transaction with the region locked; authorization first. */
export async function changeRegion<T>(
  ctx: UseCaseContext<StaffActor>,
  work: (trx: Kysely<DatabaseSchema>, regionCode: string) => Promise<T>,
): Promise<T> {
  const regionCode = regionOf(ctx.actor);
  return ctx.database.db.transaction().execute(async (trx) => {
    if (!(await lockRegionForChange(trx, ctx.database.dialect, regionCode))) throw new AppError('not-found');
    return work(trx, regionCode);
  });
}

/** Appends to the region's change record, in the transaction of the change itself. */
export async function recordRegionChange(
  trx: Kysely<DatabaseSchema>,
  ctx: UseCaseContext<StaffActor>,
  regionCode: string,
  change: { action: RegionAdminAction; errandType?: string },
): Promise<void> {
  await insertRegionAdminChange(trx, {
    id: randomUUID(),
    region_code: regionCode,
    at: ctx.now,
    staff_hsa_id: ctx.actor.hsaId,
    action: change.action,
    errand_type: change.errandType ?? null,
  });
}
