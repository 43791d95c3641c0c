import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../config/config.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../testing/test-databases.ts';
import { jobsCommand } from './jobs.command.ts';

const BIN = new URL('../../bin/kontakta.js', import.meta.url).pathname;
// 10:07 Stockholm time; expired-sessions runs every quarter of an hour.
const NOW = new Date('2026-12-06T09:07:00Z');

describe('kontakta jobs --help', () => {
  it('explains the command without loading it', () => {
    const result = spawnSync(process.execPath, [BIN, 'jobs', '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/kontakta jobs run <name>/);
  });
});

describe.each(DIALECTS)('kontakta jobs on %s', (dialect) => {
  let database: TestDatabase;
  let config: Config;
  let dataDir: string;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-jobs-cli-'));
    const url = database.config.dialect === 'sqlite' ? `sqlite:${database.config.file}` : database.config.url;
    config = loadConfig({ KONTAKTA_DEMO: 'true', KONTAKTA_DATABASE_URL: url, KONTAKTA_DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function run(...args: string[]): Promise<string> {
    let output = '';
    await jobsCommand(
      config,
      args,
      { write: (text: string) => (output += text) },
      {
        clock: () => NOW,
        logger: pino({ level: 'silent' }),
      },
    );
    return output;
  }

  function rows(output: string): string[][] {
    return output
      .trimEnd()
      .split('\n')
      .slice(2)
      .map((line) => line.split(/\s{2,}/));
  }

  it('lists every job, never run before any server started', async () => {
    const output = await run();
    expect(output).toMatch(/^Scheduled jobs \(times and schedules in Europe\/Stockholm time\):\n\n/);
    const [header, ...jobs] = rows(output);
    expect(header).toEqual(['job', 'schedule', 'last start', 'last finish', 'outcome', 'next run', 'last error']);
    expect(jobs).toContainEqual(['expired-sessions', '*/15 * * * *', '-', '-', 'never run', '-']);
  });

  it('runs a job now, and then shows its run and its next one', async () => {
    await database.db
      .insertInto('session')
      .values({
        token_hash: 'ended',
        kind: 'citizen',
        citizen_id: null,
        staff_hsa_id: null,
        unit_hsa_id: null,
        roles: '[]',
        login_method: 'eid',
        csrf_token: 'x',
        created_at: NOW.getTime() - 13 * 3_600_000,
        last_seen_at: NOW.getTime() - 60_000,
        expires_at: NOW.getTime() - 1,
      })
      .execute();
    expect(await run('run', 'expired-sessions')).toBe(
      'Job expired-sessions ran: ok (deleted: 1). Next run 2026-12-06 10:15:00.\n',
    );
    expect(rows(await run())).toContainEqual([
      'expired-sessions',
      '*/15 * * * *',
      '2026-12-06 10:07:00',
      '2026-12-06 10:07:00',
      'ok',
      '2026-12-06 10:15:00',
    ]);
  });

  it('refuses to run a job another process is running, and shows one whose holder died', async () => {
    await database.db
      .updateTable('job_lease')
      .set({ holder: 'web-1:812/0c1d2e3f#7', lease_until: NOW.getTime() + 5 * 60_000 })
      .where('name', '=', 'expired-sessions')
      .execute();
    await expect(run('run', 'expired-sessions')).rejects.toThrow(
      'Job expired-sessions is running now (web-1:812/0c1d2e3f#7, lease until 2026-12-06 10:12:00); not run again.',
    );
    expect(rows(await run()).find((cells) => cells[0] === 'expired-sessions')?.[4]).toBe('running');

    await database.db
      .updateTable('job_lease')
      .set({ lease_until: NOW.getTime() - 1 })
      .where('name', '=', 'expired-sessions')
      .execute();
    expect(rows(await run()).find((cells) => cells[0] === 'expired-sessions')?.[4]).toBe('interrupted');
    expect(await run('run', 'expired-sessions')).toMatch(/^Job expired-sessions ran: ok \(deleted: 0\)/);
  });

  it('refuses an unknown job or arguments', async () => {
    // The list names every job (more come with new issues): check how it starts and that it ends.
    await expect(run('run', 'nope')).rejects.toThrow(
      /^There is no scheduled job "nope"\. Jobs: expired-sessions, proxy-review(, [a-z-]+)*\.$/,
    );
    await expect(run('run')).rejects.toThrow(/Usage: kontakta jobs/);
    await expect(run('start', 'expired-sessions')).rejects.toThrow(/Unknown arguments: start expired-sessions/);
  });
});
