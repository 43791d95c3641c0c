import { Health, Readiness } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../storage/database.ts';
import { checkReadiness } from '../use-cases/check-readiness.ts';
import { PROBLEM_RESPONSES } from './route-handler.ts';

/** Liveness (the process answers) and readiness (the database answers), for load balancers. */
export async function healthRoutes(app: FastifyInstance, { database }: { database: Database }) {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'The process is up',
        operationId: 'operationsHealth',
        security: [],
        response: { 200: Health, '4xx': PROBLEM_RESPONSES['4xx'] },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'The database is reachable',
        operationId: 'operationsReadiness',
        security: [],
        response: { 200: Readiness, 503: Readiness, '4xx': PROBLEM_RESPONSES['4xx'] },
      },
    },
    async (_request, reply) => {
      const readiness = await checkReadiness(database);
      return reply.code(readiness.status === 'ready' ? 200 : 503).send(readiness);
    },
  );
}
