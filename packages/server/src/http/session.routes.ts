import { sessionRoutes as routes } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.ts';
import type { Database } from '../storage/database.ts';
import { endOtherSessions } from '../use-cases/sessions/end-other-sessions.ts';
import { endSession } from '../use-cases/sessions/end-session.ts';
import { handle } from './route-handler.ts';
import { clearSessionCookie, currentSession, sessionCookieName } from './sessions.ts';

/** The current session: read it (the web app needs the CSRF token and expiry), end it, end the others. */
export async function sessionRoutes(
  app: FastifyInstance,
  { config, database }: { config: Config; database: Database },
) {
  handle(app, routes.current, async ({ actor, request }) => {
    const session = currentSession(request);
    return {
      kind: actor.kind,
      csrfToken: session.csrfToken,
      idleExpiresAt: session.idleExpiresAt,
      expiresAt: session.expiresAt,
      unitHsaId: actor.kind === 'staff' ? actor.unitHsaId : null,
      roles: actor.kind === 'staff' ? [...actor.roles] : [],
    };
  });

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
}
