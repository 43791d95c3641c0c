import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemo } from '../cli/seed.command.ts';
import { loadConfig } from '../config/config.ts';
import { startServer } from '../server.ts';

/**
 * A real Kontakta server for browser tests: a fresh SQLite database in a temporary folder, a
 * random port on 127.0.0.1, the demo register and units, the built web app at `/`.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<{
  url: string;
  close(): Promise<void>;
}> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-e2e-'));
  const config = loadConfig({ PORT: '0', KONTAKTA_DATA_DIR: dataDir, KONTAKTA_LOG_LEVEL: 'warn', ...env });
  const server = await startServer(config, { beforeListen: (database) => seedDemo(config, database).then(() => {}) });
  return {
    url: server.url,
    async close() {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
