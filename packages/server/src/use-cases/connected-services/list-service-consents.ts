import type { ConnectedServiceListQuery, ServiceConsentList } from '@kontakta/contract';
import type { CitizenActor } from '@kontakta/domain';
import { findLastHandOvers, listCitizenConsentsPage } from '../../storage/repositories/service-consent.repository.ts';
import { AppError } from '../app-error.ts';
import { decodeCursor, pageOf } from '../pagination.ts';
import type { UseCaseContext } from '../services.ts';

const DEFAULT_LIMIT = 50;

/**
 * The services the citizen lets Kontakta hand their login over to, newest consent first: what each
 * gets and when it last got it. Their own consents, also while acting for a child (a child's login
 * is never handed over).
 */
export async function listServiceConsents(
  ctx: UseCaseContext<CitizenActor>,
  query: ConnectedServiceListQuery = {},
): Promise<ServiceConsentList> {
  if (ctx.actor.kind !== 'citizen') throw new AppError('not-found');
  const citizenId = ctx.actor.citizenId;
  const limit = query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit);
  const after = decodeCursor(query.cursor, { at: 'number', serviceId: 'string' });
  const { db } = ctx.database;
  const rows = await listCitizenConsentsPage(db, citizenId, limit + 1, after);
  const page = pageOf(rows, limit, (row) => ({ at: Number(row.granted_at), serviceId: row.service_id }));
  const last = await findLastHandOvers(
    db,
    citizenId,
    page.items.map((row) => row.service_id),
  );
  return {
    items: page.items.map((row) => ({
      serviceId: row.service_id,
      service: { name: { sv: row.name_sv, en: row.name_en }, url: row.url },
      claims: JSON.parse(row.claims) as string[],
      grantedAt: Number(row.granted_at),
      lastHandOverAt: last.get(row.service_id) ?? null,
    })),
    nextCursor: page.nextCursor,
  };
}
