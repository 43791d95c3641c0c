import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemo } from '../cli/seed.command.ts';
import { type Config, loadConfig } from '../config/config.ts';
import { startServer } from '../server.ts';
import type { Database } from '../storage/database.ts';
import { freePort } from './free-port.ts';

/**
 * A real Kontakta server for browser tests: a fresh SQLite database in a temporary folder, a
 * random port on 127.0.0.1, the demo register and units, the built web app at `/`.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: Readonly<{ movableClock?: boolean }> = {},
): Promise<{
  url: string;
  config: Config;
  database: Database;
  /** Moves the server's clock forward (with `movableClock`): what a test needs to pass a birthday. */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-e2e-'));
  // The address must be known before start: it is the development e-ID provider's issuer.
  const port = await freePort();
  const config = loadConfig({
    KONTAKTA_DEMO: 'true',
    PORT: String(port),
    // A busy test machine lags; shedding load is tested on its own (http/overload.int.test.ts).
    KONTAKTA_MAX_EVENT_LOOP_DELAY_MS: '60000',
    KONTAKTA_PUBLIC_URL: `http://127.0.0.1:${port}`,
    KONTAKTA_DATA_DIR: dataDir,
    KONTAKTA_LOG_LEVEL: 'warn',
    // A private web build, when the environment names one (see test/e2e/web-build.ts).
    ...(process.env.KONTAKTA_WEB_DIST ? { KONTAKTA_WEB_DIST: process.env.KONTAKTA_WEB_DIST } : {}),
    ...env,
  });
  // The system clock plus an offset the test moves; the demo is seeded for today by the real clock.
  let offsetMs = 0;
  const server = await startServer(config, {
    beforeListen: (database) => seedDemo(config, database).then(() => {}),
    ...(options.movableClock ? { clock: () => Date.now() + offsetMs } : {}),
  });
  return {
    url: server.url,
    config,
    database: server.database,
    advanceClock(ms) {
      if (!options.movableClock) throw new Error('start the test server with movableClock to move its clock');
      offsetMs += ms;
    },
    async close() {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
