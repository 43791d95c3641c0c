import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makePersonnummer } from '@kontakta/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { type RunningServer, startServer } from '../server.ts';
import { freePort } from '../testing/free-port.ts';
import { parseMetricsText, sampleValue } from '../testing/metrics-text.ts';
import { demoRegisters } from '../testing/test-registers.ts';

// The running server's metrics are reachable outside the app (a metrics listener of its own
// serves `server.metrics.registry`), and the server wires group commit into them.
describe('the running server’s metrics (SQLite with group commit)', () => {
  let server: RunningServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-metrics-'));
    const config = loadConfig({
      KONTAKTA_DEMO: 'true',
      PORT: String(await freePort()),
      KONTAKTA_HOST: '127.0.0.1',
      KONTAKTA_DATA_DIR: dataDir,
      KONTAKTA_LOG_LEVEL: 'silent',
      KONTAKTA_OUTBOX_WORKER: 'false',
    });
    server = await startServer(config, { registers: demoRegisters() });
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('counts what requests did and the fsyncs they waited for, in the registry the server hands out', async () => {
    const fsyncs = async () =>
      sampleValue(
        parseMetricsText(await server.metrics.registry.metrics()),
        'kontakta_group_commit_fsync_seconds_count',
      );
    // The migrations' fsync may still be on its way: only what the request adds is certain.
    const before = ((await fsyncs()) as number | undefined) ?? 0;
    const statementsBefore = sampleValue(
      parseMetricsText(await server.metrics.registry.metrics()),
      'kontakta_database_statements_total',
    ) as number;
    const stranger = makePersonnummer({ birthDate: '1961-02-03', sex: 'female', sequence: 17 });
    const response = await fetch(`${server.url}/api/auth/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personnummer: stranger, password: 'WRONG-PASS' }),
    });
    expect(response.status).toBe(401);

    const samples = parseMetricsText(await server.metrics.registry.metrics());
    expect(
      sampleValue(samples, 'kontakta_logins_total', { audience: 'citizen', method: 'password-sms', result: 'failed' }),
    ).toBe(1);
    // The failed login's rows were committed, and synced before the answer left.
    expect(sampleValue(samples, 'kontakta_group_commit_fsync_seconds_count')).toBeGreaterThan(before);
    expect(sampleValue(samples, 'kontakta_sqlite_wal_bytes')).toBeGreaterThan(0);
    // The login's statements were counted: at least the session-less lookup and the login event.
    expect(sampleValue(samples, 'kontakta_database_statements_total')).toBeGreaterThanOrEqual(statementsBefore + 2);

    // /metrics on the public port serves the same registry.
    const served = parseMetricsText(await (await fetch(`${server.url}/metrics`)).text());
    expect(
      sampleValue(served, 'kontakta_logins_total', { audience: 'citizen', method: 'password-sms', result: 'failed' }),
    ).toBe(1);
  });
});
