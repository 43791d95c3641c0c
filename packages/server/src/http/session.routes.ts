import { sessionRoutes as routes, type SessionInfo } from '@kontakta/contract';
import type { Actor } from '@kontakta/domain';
import type { FastifyInstance } from 'fastify';
import { actForChild, actingForView } from '../use-cases/proxies/act-for-child.ts';
import type { Services } from '../use-cases/services.ts';
import { endOtherSessions } from '../use-cases/sessions/end-other-sessions.ts';
import { endSession } from '../use-cases/sessions/end-session.ts';
import { AppError } from './problem.ts';
import { handle } from './route-handler.ts';
import { clearSessionCookie, currentSession, sessionCookieName, setSessionCookie } from './sessions.ts';

/**
 * The current session: read it (the web app needs the CSRF token and expiry), end it, end the
 * others, and for a guardian switch between acting as themselves and for a child.
 */
export async function sessionRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { config, database } = services;
  const info = async (
    actor: Actor,
    session: { csrfToken: string; idleExpiresAt: number; expiresAt: number },
  ): Promise<SessionInfo> => ({
    kind: actor.kind,
    csrfToken: session.csrfToken,
    idleExpiresAt: session.idleExpiresAt,
    expiresAt: session.expiresAt,
    unitHsaId: actor.kind === 'staff' ? actor.unitHsaId : null,
    regionCode: actor.kind === 'staff' ? (actor.regionCode ?? null) : null,
    roles: actor.kind === 'staff' ? [...actor.roles] : [],
    actingFor: actor.kind === 'citizen' ? await actingForView(services, actor) : null,
  });

  handle(app, routes.current, async ({ actor, request }) => info(actor, currentSession(request)));

  handle(app, routes.logOut, async ({ request, reply }) => {
    const token = request.cookies[sessionCookieName(config)];
    if (token) await endSession(database, token);
    clearSessionCookie(reply, config);
    // Nothing of what was shown stays in this browser: its cache, cookies and storage for us go.
    reply.header('Clear-Site-Data', '"cache", "cookies", "storage"');
  });

  handle(app, routes.logOutElsewhere, async ({ actor, request }) => ({
    ended: await endOtherSessions(database, actor, request.cookies[sessionCookieName(config)] ?? ''),
  }));

  handle(app, routes.actFor, async ({ actor, body, request, reply }) => {
    const token = request.cookies[sessionCookieName(config)];
    if (!token) throw new AppError('not-authenticated');
    const renewed = await actForChild(services, actor, token, body.childId);
    setSessionCookie(reply, config, renewed.token);
    const session = currentSession(request);
    const { actingForCitizenId: _child, actingForPersonnummer: _number, ...guardian } = actor;
    const now = services.clock();
    return info(body.childId === null ? guardian : { ...guardian, actingForCitizenId: body.childId }, {
      csrfToken: renewed.csrfToken,
      idleExpiresAt: Math.min(session.expiresAt, now + config.session.idleMs),
      expiresAt: session.expiresAt,
    });
  });
}
