import type { ProxyList } from '@kontakta/contract';
import type { CitizenActor } from '@kontakta/domain';
import { listActiveProxiesOfGuardian } from '../../storage/repositories/proxy.repository.ts';
import type { UseCaseContext } from '../services.ts';
import { proxyChildView } from './proxy-view.ts';

/** The children the guardian is proxy for now (the guardian's own list, also while acting for one). */
export async function listProxies(ctx: UseCaseContext<CitizenActor>): Promise<ProxyList> {
  const rows = await listActiveProxiesOfGuardian(ctx.database.db, ctx.actor.citizenId);
  return {
    ageLimit: ctx.config.proxy.ageLimit,
    items: rows.map((row) =>
      proxyChildView(
        {
          id: row.child_citizen_id,
          personnummer: row.child_personnummer,
          givenName: row.child_given_name,
          familyName: row.child_family_name,
        },
        ctx.config.proxy,
        ctx.now,
      ),
    ),
  };
}
