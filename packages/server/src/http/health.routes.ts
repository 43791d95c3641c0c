import { Health, Problem, Readiness } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../storage/database.ts';
import { checkReadiness } from '../use-cases/check-readiness.ts';

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
      const readiness = await checkReadiness(database);
      return reply.code(readiness.status === 'ready' ? 200 : 503).send(readiness);
    },
  );
}
