import type { FastifyInstance } from 'fastify';
import { Histogram } from 'prom-client';
import { registerDatabaseGauges } from '../observability/database-gauges.ts';
import type { Metrics } from '../observability/prometheus-metrics.ts';
import type { Database } from '../storage/database.ts';

/** The requests' histogram; the benchmark reads it too (bench/harness/server-request-times.ts). */
export const REQUEST_DURATION = {
  name: 'kontakta_http_request_duration_seconds',
  help: 'HTTP request duration by route template, method and status',
  labelNames: ['route', 'method', 'status'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
};

/**
 * Prometheus metrics at /metrics, in the registry of `metrics` (see observability/). Requests are
 * labelled by route template (never the raw URL, which may carry ids), method and status; the
 * outbox, pool and WAL gauges are read from `database` at each scrape.
 */
export function registerMetrics(
  app: FastifyInstance,
  {
    metrics,
    database,
    clock,
    serveRoute,
  }: {
    metrics: Metrics;
    database: Database;
    clock: () => number;
    /** False when KONTAKTA_METRICS_ADDRESS serves them apart (metrics-listener.ts). */
    serveRoute: boolean;
  },
): void {
  const { registry } = metrics;
  registerDatabaseGauges(registry, database, clock);
  const duration = new Histogram({ ...REQUEST_DURATION, registers: [registry] });

  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      { route: request.routeOptions.url ?? 'unmatched', method: request.method, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  if (!serveRoute) return;
  app.get(
    '/metrics',
    { schema: { tags: ['operations'], summary: 'Prometheus metrics', hide: true } },
    async (_r, reply) => reply.type(registry.contentType).send(await registry.metrics()),
  );
}
