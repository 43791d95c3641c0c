import { parseArgs } from 'node:util';
import { deletionDateOf } from '@kontakta/domain';
import pino from 'pino';
import type { Config } from '../config/config.ts';
import { openDeletionKeys } from '../encryption/deletion-keys.ts';
import { loadKeyRing } from '../encryption/master-keys.ts';
import { retentionJob } from '../jobs/retention.job.ts';
import { createScheduler } from '../jobs/scheduler/scheduler.ts';
import { loggerOptions } from '../logging/logger.ts';
import { openDatabase } from '../storage/database.ts';
import { migrateToLatest } from '../storage/migrator.ts';
import {
  countErrandsWithoutExpiry,
  countExpiredErrands,
  countExpiringByUnitAndMonth,
} from '../storage/repositories/retention.repository.ts';
import { progressBar } from './progress-bar.ts';
import { RETENTION_USAGE } from './usage.ts';

type Out = { write(text: string): unknown };

/**
 * `kontakta retention --dry-run [--months <n>]`: what retention will delete, by unit and month.
 * `kontakta retention run`: run the retention job now (taking its lease, as a server would).
 */
export async function retentionCommand(
  config: Config,
  args: string[],
  out: Out = process.stdout,
  err: Out & { isTTY?: boolean } = process.stderr,
  clock: () => Date = () => new Date(),
): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, months: { type: 'string' } },
  });
  const [action, ...rest] = positionals;
  const months = values.months === undefined ? 12 : Number(values.months);
  const dryRun = values['dry-run'] === true;
  if (rest.length > 0 || (action !== undefined && action !== 'run') || dryRun === (action === 'run')) {
    throw new Error(`Give either --dry-run or run.\n\nUsage: ${RETENTION_USAGE}`);
  }
  if (!Number.isInteger(months) || months < 0 || months > 120) throw new Error('--months must be a whole number 0–120');
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    const now = clock();
    if (dryRun) {
      const until = new Date(now);
      until.setUTCMonth(until.getUTCMonth() + months);
      const rows = await countExpiringByUnitAndMonth(database.db, until.getTime());
      const waiting = await countErrandsWithoutExpiry(database.db);
      out.write(formatPlan(rows, now.getTime(), months, waiting));
      return;
    }
    const total = await countExpiredErrands(database.db, now.getTime());
    const bar = progressBar('Deleting expired errands', err);
    bar.update(0, total);
    const job = retentionJob({
      config,
      encryption: () => ({
        keys: loadKeyRing(config.masterKeys, () => {}),
        deletionKeys: openDeletionKeys(config.deletionKeyFile),
      }),
      onBatch: (run) => bar.update(Math.min(run.deleted, total), total),
    });
    const logger = pino(loggerOptions(config.logLevel), pino.destination({ dest: 2, sync: true }));
    const scheduler = createScheduler({
      database,
      jobs: [job],
      logger,
      clock,
      processName: 'kontakta-retention-run',
    });
    const report = await scheduler.runJob(job.name);
    bar.finish();
    if (report.result === 'held') throw new Error('Retention is running in another process now; not run again.');
    if (report.result === 'failed') throw new Error(`Retention failed: ${report.error}`);
    const counts = report.counts ?? {};
    out.write(
      `Retention ran: ${counts.deleted ?? 0} errand(s) deleted (tombstones left), ${counts.noticed ?? 0} citizen(s) told, ` +
        `${counts.adopted ?? 0} older errand(s) given an expiry, ${counts.keysDestroyed ?? 0} monthly deletion key(s) destroyed.\n`,
    );
  } finally {
    await database.close();
  }
}

function formatPlan(
  rows: ReadonlyArray<{ unit_hsa_id: string; key_id: string; errands: number | string; first: unknown }>,
  now: number,
  months: number,
  waiting: number,
): string {
  const lines = [
    `What retention deletes within ${months} month(s) (errands whose last event is older than the retention period):`,
  ];
  if (rows.length === 0) lines.push('  nothing');
  else {
    lines.push(`  ${'unit'.padEnd(24)} ${'month'.padEnd(8)} ${'errands'.padStart(8)}  first deletion`);
    for (const row of rows) {
      const first = Number(row.first);
      const month = row.key_id.startsWith('deletion:')
        ? row.key_id.slice('deletion:'.length)
        : deletionDateOf(first).slice(0, 7);
      const when = first <= now ? 'now (overdue)' : deletionDateOf(first);
      lines.push(
        `  ${row.unit_hsa_id.padEnd(24)} ${month.padEnd(8)} ${String(Number(row.errands)).padStart(8)}  ${when}`,
      );
    }
  }
  if (waiting > 0) lines.push(`${waiting} errand(s) from before retention get their expiry at the next run.`);
  lines.push('Nothing was deleted (dry run).');
  return `${lines.join('\n')}\n`;
}
