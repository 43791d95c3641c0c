import type { FastifyInstance } from 'fastify';
import { recordRefusedErrand } from '../../use-cases/security/record-refused-errand.ts';
import type { Services } from '../../use-cases/services.ts';

/**
 * Every 404 a member of staff gets for an errand becomes a security event, written after the
 * response (the refused request's own transaction has rolled back by then).
 */
export function registerRefusedErrandEvents(app: FastifyInstance, services: Services): void {
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode !== 404) return;
    const actor = request.session?.actor;
    const params: unknown = request.params;
    const errandId = typeof params === 'object' && params !== null && 'id' in params ? params.id : undefined;
    if (actor?.kind !== 'staff' || typeof errandId !== 'string') return;
    if (!request.routeOptions.url?.startsWith('/api/staff/errands/:id')) return;
    try {
      const { repeated } = await recordRefusedErrand(services, actor, errandId, request.id);
      if (repeated) request.log.warn({ staffHsaId: actor.hsaId }, 'repeated errand refusals for one member of staff');
    } catch (error) {
      request.log.error({ err: { message: (error as Error).message } }, 'security event not recorded');
    }
  });
}
