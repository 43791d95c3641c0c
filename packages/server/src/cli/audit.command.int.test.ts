import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { accessLogPruningJob } from '../jobs/access-log-pruning.job.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../testing/test-databases.ts';
import { dropAnchorGuard, NOW, seedChains } from '../use-cases/access-log/access-log.test-support.ts';
import { formatExportedHeads, readChainHeads } from '../use-cases/access-log/access-log-heads.ts';
import { auditCommand } from './audit.command.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  process.exitCode = undefined;
});

async function prunedDatabase(dialect: (typeof DIALECTS)[number]): Promise<{ database: TestDatabase; dir: string }> {
  const database = await createTestDatabase(dialect);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-audit-'));
  cleanups.push(
    () => database.drop(),
    () => fs.rmSync(dir, { recursive: true, force: true }),
  );
  await seedChains(database);
  // Heads exported before the pruning: unit A's names entry 9, which stays.
  const heads = formatExportedHeads(await readChainHeads(database.db), NOW, dialect, null);
  fs.writeFileSync(path.join(dir, 'heads.json'), heads);
  const quiet = () => {};
  await accessLogPruningJob({ keepYears: 5 }).run({
    database,
    now: NOW,
    logger: { debug: quiet, info: quiet, warn: quiet, error: quiet },
    signal: new AbortController().signal,
    checkpoint: async () => {},
  });
  return { database, dir };
}

async function audit(database: TestDatabase, dir: string, args: string[]) {
  const url = database.config.dialect === 'sqlite' ? `sqlite:${database.config.file}` : database.config.url;
  const config = async () => loadConfig({ KONTAKTA_DEMO: 'true', KONTAKTA_DATABASE_URL: url }, dir);
  let text = '';
  process.exitCode = undefined;
  await auditCommand(args, config, { write: (chunk: string) => (text += chunk) });
  return { text, exitCode: process.exitCode ?? 0 };
}

describe.each(DIALECTS)('kontakta audit verify after pruning, on %s', (dialect) => {
  it('passes from the anchor, says what was pruned, and still compares exported heads', async () => {
    const { database, dir } = await prunedDatabase(dialect);
    expect(await audit(database, dir, ['verify'])).toEqual({
      text:
        'The access log is intact: 4 entries verified.\n' +
        '7 older entries of 1 chain(s) were pruned after the keep period; those chains were verified from their pruning anchors.\n',
      exitCode: 0,
    });
    const withHeads = await audit(database, dir, ['verify', '--heads', path.join(dir, 'heads.json')]);
    expect(withHeads.exitCode).toBe(0);
    expect(withHeads.text).toMatch(/Every entry of the 2 chain head\(s\) exported at .* is still there, unchanged\./);
  });

  it('fails, naming the unit and entry, when the anchor was altered', async () => {
    const { database, dir } = await prunedDatabase(dialect);
    // An attacker with schema rights drops the anchor's triggers and moves it over entry 8.
    await dropAnchorGuard(database);
    await database.db.updateTable('access_log_anchor').set({ position: 8 }).execute();
    expect(await audit(database, dir, ['verify'])).toEqual({
      text:
        'BROKEN unit SE-UNIT-A, entry 8: 1 entry lies at or below the pruning anchor (entries 1–8 were pruned): written there after pruning, or the anchor was altered\n' +
        'The access log has been tampered with (1 chain(s) broken).\n' +
        '8 older entries of 1 chain(s) were pruned after the keep period; those chains were verified from their pruning anchors.\n',
      exitCode: 1,
    });
    await database.db
      .updateTable('access_log_anchor')
      .set({ position: 7, hash: 'e'.repeat(64) })
      .execute();
    const altered = await audit(database, dir, ['verify']);
    expect(altered.exitCode).toBe(1);
    expect(altered.text).toMatch(/^BROKEN unit SE-UNIT-A, entry 8: does not continue the pruning anchor/);
  });
});
