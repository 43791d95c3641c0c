import { EndedSessions, Problem, SessionInfo } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.ts';
import type { Database } from '../storage/database.ts';
import { endOtherSessions } from '../use-cases/sessions/end-other-sessions.ts';
import { endSession } from '../use-cases/sessions/end-session.ts';
import { clearSessionCookie, requireActor, sessionCookieName } from './sessions.ts';

/** The current session: read it (the web app needs the CSRF token and expiry), keep it alive, end it. */
export async function sessionRoutes(
  app: FastifyInstance,
  { config, database }: { config: Config; database: Database },
) {
  app.get(
    '/api/session',
    {
      schema: {
        tags: ['session'],
        summary: 'The current session',
        response: { 200: SessionInfo, '4xx': Problem },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const session = request.session as NonNullable<typeof request.session>;
      return {
        kind: actor.kind,
        csrfToken: session.csrfToken,
        idleExpiresAt: session.idleExpiresAt,
        expiresAt: session.expiresAt,
        unitHsaId: actor.kind === 'staff' ? actor.unitHsaId : null,
        roles: actor.kind === 'staff' ? [...actor.roles] : [],
      };
    },
  );

  app.delete(
    '/api/session',
    { schema: { tags: ['session'], summary: 'Log out', response: { 204: { type: 'null' }, '4xx': Problem } } },
    async (request, reply) => {
      requireActor(request);
      const token = request.cookies[sessionCookieName(config)];
      if (token) await endSession(database, token);
      clearSessionCookie(reply, config);
      // Nothing of what was shown stays in this browser: its cache, cookies and storage for us go.
      reply.header('Clear-Site-Data', '"cache", "cookies", "storage"');
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/session/others',
    {
      schema: {
        tags: ['session'],
        summary: 'Log out everywhere else: end every other session of the same person',
        response: { 200: EndedSessions, '4xx': Problem },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const token = request.cookies[sessionCookieName(config)] as string;
      return { ended: await endOtherSessions(database, actor, token) };
    },
  );
}
