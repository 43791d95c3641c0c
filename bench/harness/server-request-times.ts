import type { MetricValueWithName, Registry } from 'prom-client';
import { REQUEST_DURATION } from '../../packages/server/src/http/metrics.ts';
import type { PoolUse } from '../../packages/server/src/storage/database.ts';

/**
 * The server's own view of a benchmark step (issue 20 pt 4), to tell where a slow request waited:
 * how long requests took from arrival to response inside the server (the request histogram at
 * /metrics, per route), and how often a request waited for one of PostgreSQL's pooled connections.
 * A client-side p99 far above the server's says the wait was on the sockets or in the load
 * generator; a server-side one with a waiting pool says the pool; without it, the database.
 */
export type RequestTimes = {
  routes: Array<{ route: string; requests: number; over200ms: number; p99AtMostMs: number }>;
  /** PostgreSQL only: the pool sampled every 5 ms. */
  pool?: { maxWaiting: number; waitingShare: number; allBusyShare: number };
};

const HISTOGRAM = REQUEST_DURATION.name;
const POOL_SAMPLE_MS = 5;

type Buckets = Map<string, Map<number, number>>; // route → upper bound (s) → cumulative count

export function serverRequestTimes(registry: Registry, poolUse: (() => PoolUse) | undefined) {
  let previous: Buckets = new Map();
  let pool = { samples: 0, waiting: 0, allBusy: 0, maxWaiting: 0 };
  const sampler = poolUse
    ? setInterval(() => {
        const use = poolUse();
        pool.samples++;
        if (use.waiting > 0) pool.waiting++;
        if (use.idle === 0 && use.total === use.max) pool.allBusy++;
        pool.maxWaiting = Math.max(pool.maxWaiting, use.waiting);
      }, POOL_SAMPLE_MS).unref()
    : undefined;

  const read = async (): Promise<Buckets> => {
    const buckets: Buckets = new Map();
    const metric = registry.getSingleMetric(HISTOGRAM);
    if (!metric) return buckets;
    // A histogram's values carry their series name (_bucket, _sum, _count).
    for (const value of (await metric.get()).values as Array<MetricValueWithName<string>>) {
      if (value.metricName !== `${HISTOGRAM}_bucket`) continue;
      const route = `${value.labels.method} ${value.labels.route}`;
      const bound = value.labels.le === '+Inf' ? Number.POSITIVE_INFINITY : Number(value.labels.le);
      const perRoute = buckets.get(route) ?? new Map<number, number>();
      // Statuses are separate series; a route's buckets add them up.
      perRoute.set(bound, (perRoute.get(bound) ?? 0) + value.value);
      buckets.set(route, perRoute);
    }
    return buckets;
  };

  return {
    /** What happened since the last take. */
    async take(): Promise<RequestTimes> {
      const now = await read();
      const routes: RequestTimes['routes'] = [];
      for (const [route, bounds] of now) {
        const before = previous.get(route);
        const since = [...bounds]
          .map(([bound, count]) => [bound, count - (before?.get(bound) ?? 0)] as const)
          .sort(([a], [b]) => a - b);
        const requests = since.at(-1)?.[1] ?? 0;
        if (requests === 0) continue;
        const within200 = since.find(([bound]) => bound >= 0.2)?.[1] ?? requests;
        const p99Bound = since.find(([, count]) => count >= 0.99 * requests)?.[0] ?? Number.POSITIVE_INFINITY;
        routes.push({ route, requests, over200ms: requests - within200, p99AtMostMs: p99Bound * 1000 });
      }
      previous = now;
      const result: RequestTimes = { routes: routes.sort((a, b) => b.requests - a.requests) };
      if (sampler) {
        const share = (n: number) => (pool.samples === 0 ? 0 : n / pool.samples);
        result.pool = {
          maxWaiting: pool.maxWaiting,
          waitingShare: share(pool.waiting),
          allBusyShare: share(pool.allBusy),
        };
        pool = { samples: 0, waiting: 0, allBusy: 0, maxWaiting: 0 };
      }
      return result;
    },
  };
}
