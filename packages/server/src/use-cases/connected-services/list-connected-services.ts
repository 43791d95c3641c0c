import type { ConnectedServiceList, ConnectedServiceListQuery } from '@kontakta/contract';
import type { StaffActor } from '@kontakta/domain';
import { listServicesPage } from '../../storage/repositories/connected-service.repository.ts';
import { decodeCursor, pageOf } from '../pagination.ts';
import type { UseCaseContext } from '../services.ts';
import { presentServices, resolveScope, type ServiceScope } from './service-administration.ts';

const DEFAULT_LIMIT = 50;

/**
 * The services of the caller's region (every one, units' own included), or of their unit (its
 * own), a page at a time by Swedish name.
 */
export async function listConnectedServices(
  ctx: UseCaseContext<StaffActor>,
  scope: ServiceScope,
  query: ConnectedServiceListQuery = {},
): Promise<ConnectedServiceList> {
  const resolved = await resolveScope(ctx, scope);
  const limit = query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit);
  const after = decodeCursor(query.cursor, { name: 'string', id: 'string' });
  const { db } = ctx.database;
  const owner = resolved.unitHsaId === null ? { regionCode: resolved.regionCode } : { unitHsaId: resolved.unitHsaId };
  const page = pageOf(await listServicesPage(db, owner, limit + 1, after), limit, (row) => ({
    name: row.name_sv,
    id: row.id,
  }));
  return { items: await presentServices(db, page.items), nextCursor: page.nextCursor };
}
