import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { type RunningServer, startServer } from '../server.ts';
import { freePort } from '../testing/free-port.ts';
import { demoRegisters } from '../testing/test-registers.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(env: Record<string, string>): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-metrics-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const config = loadConfig({
    KONTAKTA_DEMO: 'true',
    PORT: '0',
    KONTAKTA_DATA_DIR: dataDir,
    KONTAKTA_LOG_LEVEL: 'silent',
    ...env,
  });
  const server = await startServer(config, { registers: demoRegisters() });
  cleanups.push(() => server.close());
  return server;
}

describe('where /metrics is served', () => {
  it('on the main port by default', async () => {
    const server = await start({});
    expect(server.metricsUrl).toBeNull();
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('kontakta_http_request_duration_seconds');
  });

  it('only on KONTAKTA_METRICS_ADDRESS when it is set, and nothing else there', async () => {
    const port = await freePort();
    const server = await start({ KONTAKTA_METRICS_ADDRESS: `127.0.0.1:${port}` });
    expect(server.metricsUrl).toBe(`http://127.0.0.1:${port}/metrics`);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${server.url}/metrics`)).status).not.toBe(200);
    const metrics = await fetch(server.metricsUrl as string);
    expect(metrics.status).toBe(200);
    // The public port's requests are counted there.
    expect(await metrics.text()).toMatch(/kontakta_http_request_duration_seconds_count\{[^}]*route="\/readyz"/);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(404);
    await server.close();
    await expect(fetch(server.metricsUrl as string)).rejects.toThrow();
  });

  it('refuses to start when the metrics address is taken, naming the variable', async () => {
    const taken = await start({});
    const port = Number(new URL(taken.url).port);
    await expect(start({ KONTAKTA_METRICS_ADDRESS: `127.0.0.1:${port}` })).rejects.toThrow(
      /KONTAKTA_METRICS_ADDRESS: cannot listen there/,
    );
  });
});
