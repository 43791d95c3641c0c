import { Health, Problem, Readiness } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../storage/database.ts';

/** Liveness (the process answers) and readiness (the database answers), for load balancers. */
export async function healthRoutes(app: FastifyInstance, { database }: { database: Database }) {
  app.get(
    '/healthz',
    { schema: { tags: ['operations'], summary: 'The process is up', response: { 200: Health } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'The database is reachable',
        response: { 200: Readiness, 503: Readiness, '4xx': Problem },
      },
    },
    async (_request, reply) => {
      try {
        await sql`SELECT 1`.execute(database.db);
        return { status: 'ready' as const, database: database.dialect };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const, database: database.dialect });
      }
    },
  );
}
