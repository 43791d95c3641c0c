import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-databases.ts';
import { demoRegisters } from '../testing/test-registers.ts';
import { buildApp } from './app.ts';

let database: TestDatabase | undefined;
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  await database?.drop();
  app = undefined;
  database = undefined;
});

async function build(env: Record<string, string>, extraRoutes?: (app: FastifyInstance) => void) {
  database = await createTestDatabase('sqlite');
  const config = loadConfig({ KONTAKTA_DEMO: 'true', KONTAKTA_LOG_LEVEL: 'silent', ...env });
  app = await buildApp({ config, database, registers: demoRegisters() });
  extraRoutes?.(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as net.AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

describe('overload is shed, not queued', () => {
  it('past the requests in progress, new ones get 503 with Retry-After at once; operators are still answered', async () => {
    const held: Array<() => void> = [];
    const url = await build({ KONTAKTA_MAX_CONCURRENT_REQUESTS: '2' }, (app) =>
      app.get('/api/test/slow', () => new Promise((resolve) => held.push(() => resolve({ ok: true })))),
    );
    const first = fetch(`${url}/api/test/slow`);
    const second = fetch(`${url}/api/test/slow`);
    await expect.poll(() => held.length, { timeout: 30_000 }).toBe(2);

    const refused = await fetch(`${url}/api/session`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await refused.json()).toMatchObject({ code: 'service-unavailable', status: 503 });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    for (const release of held) release();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    // The slots are free again.
    expect((await fetch(`${url}/api/session`)).status).toBe(401);
  });

  it('an aborted request frees its slot', async () => {
    const url = await build({ KONTAKTA_MAX_CONCURRENT_REQUESTS: '1' }, (app) =>
      app.get('/api/test/never', () => new Promise(() => {})),
    );
    const aborter = new AbortController();
    const hanging = fetch(`${url}/api/test/never`, { signal: aborter.signal }).catch(() => undefined);
    await expect.poll(async () => (await fetch(`${url}/api/session`)).status, { timeout: 30_000 }).toBe(503);
    aborter.abort();
    await hanging;
    await expect.poll(async () => (await fetch(`${url}/api/session`)).status, { timeout: 30_000 }).toBe(401);
  });

  it('while the event loop stays behind past the bound, new requests get 503; one long pause does not', async () => {
    const url = await build({ KONTAKTA_MAX_EVENT_LOOP_DELAY_MS: '100' });
    const busyFor = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        // the process can answer nobody meanwhile
      }
    };
    const yieldOnce = () => new Promise((resolve) => setTimeout(resolve, 0));
    // One long pause (a garbage collection, a big synchronous step) is not overload.
    busyFor(1500);
    await yieldOnce();
    expect((await fetch(`${url}/api/session`)).status).toBe(401);
    // A loop that stays behind is.
    const statuses: number[] = [];
    for (let round = 0; round < 8 && !statuses.includes(503); round++) {
      busyFor(600);
      await yieldOnce();
      statuses.push((await fetch(`${url}/api/session`)).status);
    }
    expect(statuses).toContain(503);
    await expect.poll(async () => (await fetch(`${url}/api/session`)).status, { timeout: 30_000 }).toBe(401);
  });
});

describe('the request timeout', () => {
  it('answers a body trickled a byte at a time with 408 soon after the configured time, not 30 s later', async () => {
    const url = new URL(await build({ KONTAKTA_REQUEST_TIMEOUT_MS: '2000' }));
    const socket = net.connect(Number(url.port), '127.0.0.1');
    const started = Date.now();
    let answer = '';
    socket.on('data', (chunk) => {
      answer += String(chunk);
    });
    socket.write(
      // A route with a body, so that the server waits for the whole of it.
      'POST /api/citizen/errands HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n',
    );
    const trickle = setInterval(() => socket.write('x'), 200);
    await new Promise<void>((resolve) => socket.once('close', () => resolve()));
    clearInterval(trickle);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    // Node checked every 30 s before; now every second: well under that whatever the machine's load.
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
