import { randomBytes } from 'node:crypto';
import type { CitizenActor } from '@kontakta/domain';
import { findCitizenById } from '../../storage/repositories/citizen.repository.ts';
import { findActiveProxy, insertProxyEvent } from '../../storage/repositories/proxy.repository.ts';
import { deleteSession, findSession, insertSession } from '../../storage/repositories/session.repository.ts';
import { AppError } from '../app-error.ts';
import type { Services } from '../services.ts';
import { hashSessionToken, newSessionToken } from '../sessions/session-tokens.ts';
import { endProxiesOfChild } from './end-proxies.ts';
import { refusalOfProxy } from './proxy-parties.ts';

/**
 * The guardian switches to acting for a child they are proxy for, or back to themselves
 * (`childId` null). The switch is checked against the register now, gets a new session id (the
 * old token stops working: nothing cached under one identity is reused under the other), keeps
 * the login's time and absolute end, and is recorded as a proxy event.
 */
export async function actForChild(
  services: Services,
  actor: CitizenActor,
  currentToken: string,
  childId: string | null,
): Promise<{ token: string; csrfToken: string }> {
  const now = services.clock();
  const { db } = services.database;
  const session = await findSession(db, hashSessionToken(currentToken));
  if (!session) throw new AppError('not-authenticated');
  const proxy = childId === null ? undefined : await findActiveProxy(db, actor.citizenId, childId);
  if (childId !== null) {
    // Not one's own proxy child: the same 404 as a child that does not exist.
    if (!proxy) throw new AppError('not-found');
    const [guardian, child] = await Promise.all([
      services.registers.findPerson(actor.personnummer),
      services.registers.findPerson(proxy.child_personnummer),
    ]);
    if (!guardian) throw new AppError('not-authenticated');
    const refusal = refusalOfProxy(guardian, child, new Date(now), services.config.proxy);
    if (refusal) {
      await db
        .transaction()
        .execute((trx) => endProxiesOfChild(trx, { childId, guardianIds: [actor.citizenId], reason: refusal, now }));
      throw new AppError('proxy-refused', refusal);
    }
  }

  const token = newSessionToken();
  const csrfToken = randomBytes(32).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, session.token_hash);
    const {
      citizen_personnummer: _guardian,
      acting_for_personnummer: _child,
      reference_generation: _generation,
      ...row
    } = session;
    await insertSession(trx, {
      ...row,
      token_hash: hashSessionToken(token),
      csrf_token: csrfToken,
      last_seen_at: now,
      acting_for_citizen_id: childId,
    });
    const previous =
      actor.actingForCitizenId && actor.actingForCitizenId !== childId
        ? await findActiveProxy(trx, actor.citizenId, actor.actingForCitizenId)
        : undefined;
    if (previous) await insertProxyEvent(trx, { proxyId: previous.id, kind: 'acting-stopped', at: now });
    if (proxy && actor.actingForCitizenId !== childId) {
      await insertProxyEvent(trx, { proxyId: proxy.id, kind: 'acting-started', at: now });
    }
  });
  return { token, csrfToken };
}

/** Whom a citizen's session acts for, by name, for the header ("Du agerar för …"). */
export async function actingForView(
  services: Services,
  actor: CitizenActor,
): Promise<{ childId: string; name: string } | null> {
  if (!actor.actingForCitizenId) return null;
  const child = await findCitizenById(services.database.db, actor.actingForCitizenId);
  return child ? { childId: child.id, name: `${child.given_name} ${child.family_name}` } : null;
}
