import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './problem.ts';

export type OverloadLimits = Readonly<{
  /** Requests in progress at once in this process; beyond it new ones are refused at once. */
  maxConcurrentRequests: number;
  /** Event-loop delay beyond which new requests are refused (the process cannot keep up). */
  maxEventLoopDelayMs: number;
  /** What `Retry-After` says, in seconds. */
  retryAfterSeconds: number;
}>;

// What operators and load balancers ask stays answered: they decide what to do about the load.
const ALWAYS_ANSWERED = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Overload is shed, not queued: past a bound, a request gets 503 with Retry-After at once instead
 * of waiting many seconds behind the others (the web app then says calmly to try again, keeping
 * what was typed). Two bounds: requests in progress (work queued behind the database) and
 * event-loop delay (CPU; measured by @fastify/under-pressure).
 */
export async function registerOverloadShedding(app: FastifyInstance, limits: OverloadLimits): Promise<void> {
  const busy = (reason: string) =>
    new AppError('service-unavailable', `Kontakta is busy (${reason}); try again shortly.`);
  const retryAfter = String(limits.retryAfterSeconds);
  const exempt = (request: FastifyRequest) => ALWAYS_ANSWERED.has(request.url.split('?')[0] ?? '');

  let inProgress = 0;
  app.addHook('onRequest', async (request, reply) => {
    if (exempt(request)) return;
    if (inProgress >= limits.maxConcurrentRequests) {
      reply.header('Retry-After', retryAfter);
      throw busy('too many requests in progress');
    }
    inProgress++;
    // 'close' comes for every response, finished or aborted, exactly once.
    reply.raw.once('close', () => {
      inProgress--;
    });
  });

  await app.register(underPressure, {
    maxEventLoopDelay: limits.maxEventLoopDelayMs,
    sampleInterval: 250,
    retryAfter: limits.retryAfterSeconds,
    pressureHandler: async (request, reply) => {
      if (exempt(request)) return;
      reply.header('Retry-After', retryAfter);
      throw busy('the server cannot keep up');
    },
  });
}
