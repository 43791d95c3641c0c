import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { REQUEST_DURATION } from '../../packages/server/src/http/metrics.ts';
import { serverRequestTimes } from './server-request-times.ts';

describe("the server's own request times between two asks", () => {
  it('counts only what happened since the last ask, per route, with the slow ones and the p99 bucket', async () => {
    const registry = new Registry();
    const duration = new Histogram({ ...REQUEST_DURATION, registers: [registry] });
    const inbox = { route: '/api/citizen/errands', method: 'GET', status: '200' };
    for (let i = 0; i < 50; i++) duration.observe(inbox, 0.004);
    const times = serverRequestTimes(registry, undefined);
    await times.take();

    for (let i = 0; i < 98; i++) duration.observe(inbox, 0.004);
    duration.observe({ ...inbox, status: '503' }, 0.7);
    duration.observe(inbox, 1.5);
    const step = await times.take();
    expect(step.routes).toEqual([
      { route: 'GET /api/citizen/errands', requests: 100, over200ms: 2, p99AtMostMs: 1000 },
    ]);
    expect(step.pool).toBeUndefined();

    expect((await times.take()).routes).toEqual([]);
  });
});
