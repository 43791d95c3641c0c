// Writes the OpenAPI document the server serves at /api/openapi.json to a file, for the linter in
// scripts/test-all.sh: `node scripts/write-openapi.ts <file>`. The app is built in demo mode on an
// empty SQLite database in a temporary directory (the demo master key goes there too), and never
// listens.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../packages/server/src/config/config.ts';
import { buildApp } from '../packages/server/src/http/app.ts';
import { buildDemoRegister, createFileRegister } from '../packages/server/src/registers/index.ts';
import { openDatabase } from '../packages/server/src/storage/database.ts';
import { migrateToLatest } from '../packages/server/src/storage/migrator.ts';

const output = process.argv[2];
if (!output) {
  process.stderr.write('usage: node scripts/write-openapi.ts <file>\n');
  process.exit(2);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-openapi-'));
try {
  const config = loadConfig({ KONTAKTA_DEMO: 'true', KONTAKTA_LOG_LEVEL: 'silent', KONTAKTA_DATA_DIR: dataDir });
  const database = openDatabase({ dialect: 'sqlite', file: path.join(dataDir, 'kontakta.sqlite') });
  try {
    await migrateToLatest(database.db);
    const app = await buildApp({ config, database, registers: createFileRegister(buildDemoRegister(new Date())) });
    try {
      await app.ready();
      fs.writeFileSync(output, `${JSON.stringify(app.swagger(), null, 2)}\n`);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
