import type { FastifyInstance } from 'fastify';
import {
  REFUSAL_WINDOW_MS,
  REPEATED_REFUSALS,
  recordRefusedErrand,
} from '../../use-cases/security/record-refused-errand.ts';
import type { Services } from '../../use-cases/services.ts';

/**
 * Every 404 a member of staff gets for an errand becomes a security event, written after the
 * response (the refused request's own transaction has rolled back by then).
 */
export function registerRefusedErrandEvents(app: FastifyInstance, services: Services): void {
  // When repeated refusals were last signalled, per member of staff: once per window, even when
  // two refusals are counted at the same moment (an exact count can be skipped by concurrency).
  const signalled = new Map<string, number>();
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode !== 404) return;
    const actor = request.session?.actor;
    const params: unknown = request.params;
    const errandId = typeof params === 'object' && params !== null && 'id' in params ? params.id : undefined;
    if (actor?.kind !== 'staff' || typeof errandId !== 'string') return;
    if (!request.routeOptions.url?.startsWith('/api/staff/errands/:id')) return;
    try {
      const { recent } = await recordRefusedErrand(services, actor, errandId, request.id);
      const now = services.clock();
      const last = signalled.get(actor.hsaId);
      const repeated = recent >= REPEATED_REFUSALS && (last === undefined || now - last >= REFUSAL_WINDOW_MS);
      if (repeated) signalled.set(actor.hsaId, now);
      services.telemetry?.staffErrandRefused({ repeated });
      if (repeated) request.log.warn({ staffHsaId: actor.hsaId }, 'repeated errand refusals for one member of staff');
    } catch (error) {
      request.log.error({ err: { message: (error as Error).message } }, 'security event not recorded');
    }
  });
}
