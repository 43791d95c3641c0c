import { Problem, SessionInfo } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.ts';
import type { Database } from '../storage/database.ts';
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
      return reply.code(204).send();
    },
  );
}
