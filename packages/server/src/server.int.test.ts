import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config/config.ts';
import { type RunningServer, startServer } from './server.ts';
import { freePort } from './testing/free-port.ts';
import { demoRegisters } from './testing/test-registers.ts';

// Two processes on one host share a port only when both ask for it; in-process servers stand in for them here.
describe('several servers on one port (KONTAKTA_REUSE_PORT)', () => {
  const servers: RunningServer[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function start(port: number, reusePort: boolean) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-reuse-port-'));
    dirs.push(dataDir);
    const config = loadConfig({
      KONTAKTA_DEMO: 'true',
      PORT: String(port),
      KONTAKTA_HOST: '127.0.0.1',
      KONTAKTA_DATA_DIR: dataDir,
      KONTAKTA_LOG_LEVEL: 'silent',
      KONTAKTA_OUTBOX_WORKER: 'false',
      KONTAKTA_REUSE_PORT: String(reusePort),
    });
    const server = await startServer(config, { registers: demoRegisters() });
    servers.push(server);
    return server;
  }

  it('both start and the port keeps answering when one of them stops', async () => {
    const port = await freePort();
    const first = await start(port, true);
    await start(port, true);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    await first.close();
    servers.splice(servers.indexOf(first), 1);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });

  it('is refused by default: a second server on a taken port fails to start', async () => {
    const port = await freePort();
    await start(port, false);
    await expect(start(port, false)).rejects.toThrow(/EADDRINUSE/);
  });
});
