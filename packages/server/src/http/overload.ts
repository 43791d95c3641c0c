import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './problem.ts';

export type OverloadLimits = Readonly<{
  /** Requests in progress at once in this process; beyond it new ones are refused at once. */
  maxConcurrentRequests: number;
  /** Event-loop lag beyond which new requests are refused (the process cannot keep up). */
  maxEventLoopDelayMs: number;
  /** What `Retry-After` says, in seconds. */
  retryAfterSeconds: number;
}>;

// What operators and load balancers ask stays answered: they decide what to do about the load.
const ALWAYS_ANSWERED = new Set(['/healthz', '/readyz', '/metrics']);
const LAG_SAMPLE_MS = 250;

/**
 * Overload is shed, not queued: past a bound, a request gets 503 with Retry-After at once instead
 * of waiting many seconds behind the others (the web app then says calmly to try again, keeping
 * what was typed). Two bounds: requests in progress (work queued behind the database) and
 * event-loop lag (CPU).
 */
export function registerOverloadShedding(app: FastifyInstance, limits: OverloadLimits): void {
  const busy = (reason: string) =>
    new AppError('service-unavailable', `Kontakta is busy (${reason}); try again shortly.`);
  const retryAfter = String(limits.retryAfterSeconds);
  const exempt = (request: FastifyRequest) => ALWAYS_ANSWERED.has(request.url.split('?')[0] ?? '');
  const lag = eventLoopLag(limits.maxEventLoopDelayMs);
  app.addHook('onClose', async () => lag.stop());

  let inProgress = 0;
  app.addHook('onRequest', async (request, reply) => {
    if (exempt(request)) return;
    if (inProgress >= limits.maxConcurrentRequests || lag.overloaded()) {
      reply.header('Retry-After', retryAfter);
      throw busy(lag.overloaded() ? 'the server cannot keep up' : 'too many requests in progress');
    }
    inProgress++;
    // 'close' comes for every response, finished or aborted, exactly once.
    reply.raw.once('close', () => {
      inProgress--;
    });
  });
}

/**
 * Measures how late a timer fires. Overloaded means late beyond the bound twice in a row: one
 * long pause (a garbage collection, a big synchronous step) is not overload, a loop that stays
 * behind is.
 */
function eventLoopLag(boundMs: number): { overloaded(): boolean; stop(): void } {
  let expected = performance.now() + LAG_SAMPLE_MS;
  let lateInARow = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    lateInARow = now - expected > boundMs ? lateInARow + 1 : 0;
    expected = now + LAG_SAMPLE_MS;
  }, LAG_SAMPLE_MS);
  timer.unref();
  return { overloaded: () => lateInARow >= 2, stop: () => clearInterval(timer) };
}
