import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Config, loadConfig } from '../config/config.ts';
import { buildApp } from '../http/app.ts';
import type { Dialect } from '../storage/database.ts';
import { freePort } from './free-port.ts';
import { createTestDatabase, type TestDatabase } from './test-databases.ts';
import { demoRegisters } from './test-registers.ts';

export type LoginTestServer = {
  url: string;
  config: Config;
  app: FastifyInstance;
  database: TestDatabase;
  logLines: string[];
  close(): Promise<void>;
};

/**
 * Kontakta listening on 127.0.0.1 with the development e-ID provider mounted, a fresh database
 * of the given dialect and the demo register: what the login tests drive with real redirects.
 * The public address must be known before the app is built (it is the provider's issuer), so a
 * free port is found first.
 */
export async function startLoginTestServer(
  dialect: Dialect,
  env: Record<string, string> = {},
  clock?: () => number,
): Promise<LoginTestServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-login-'));
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    KONTAKTA_DEMO: 'true',
    PORT: String(port),
    // A busy test machine lags; shedding load is tested on its own (http/overload.int.test.ts).
    KONTAKTA_MAX_EVENT_LOOP_DELAY_MS: '60000',
    KONTAKTA_PUBLIC_URL: url,
    KONTAKTA_DATA_DIR: dataDir,
    KONTAKTA_LOG_LEVEL: 'info',
    KONTAKTA_OUTBOX_WORKER: 'false',
    KONTAKTA_LOGIN_RATE_LIMIT: '1000',
    ...env,
  });
  const database = await createTestDatabase(dialect);
  const logLines: string[] = [];
  const app = await buildApp({
    config,
    database,
    registers: demoRegisters(),
    logStream: { write: (line: string) => void logLines.push(line) },
    ...(clock ? { clock } : {}),
  });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    url,
    config,
    app,
    database,
    logLines,
    async close() {
      await app.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
