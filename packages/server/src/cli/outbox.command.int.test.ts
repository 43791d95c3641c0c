import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../config/config.ts';
import { enqueueOutboxMessage } from '../storage/repositories/outbox.repository.ts';
import type { OutboxStatus } from '../storage/schema.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../testing/test-databases.ts';
import { outboxCommand } from './outbox.command.ts';

const T0 = Date.UTC(2026, 10, 22, 9, 0);

describe.each(DIALECTS)('kontakta outbox on %s', (dialect) => {
  let database: TestDatabase;
  let config: Config;
  let dataDir: string;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-outbox-cli-'));
    const url = database.config.dialect === 'sqlite' ? `sqlite:${database.config.file}` : database.config.url;
    config = loadConfig({ KONTAKTA_DEMO: 'true', KONTAKTA_DATABASE_URL: url, KONTAKTA_DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function run(...args: string[]): Promise<string> {
    let output = '';
    await outboxCommand(config, args, { write: (text: string) => (output += text) }, () => T0 + 3_600_000);
    return output;
  }

  async function message(recipient: string, status: OutboxStatus, lastError: string | null, at: number) {
    const id = await enqueueOutboxMessage(
      database.db,
      {
        channel: recipient.includes('@') ? 'email' : 'sms',
        template: 'new-message',
        recipient,
        language: 'sv',
        citizen_id: null,
        errand_id: null,
      },
      at,
    );
    await database.db
      .updateTable('outbox')
      .set({ status, attempts: status === 'pending' ? 0 : 10, last_error: lastError, last_attempt_at: at + 60_000 })
      .where('id', '=', id)
      .execute();
    return id;
  }

  it('says so when everything got through', async () => {
    expect(await run()).toBe('Every notification has been delivered or is on its way.\n');
  });

  it('lists dead, failing and bounced messages newest first, recipients masked', async () => {
    const dead = await message('+46701234567', 'dead', 'SMS gateway answered HTTP 503', T0);
    const bounced = await message('anna.svensson@example.se', 'bounced', 'SMTP 550 at RCPT TO', T0 + 1);
    const failing = await message('+46709876543', 'failed', 'SMS gateway unreachable (TypeError)', T0 + 2);
    await message('bo@example.se', 'sent', null, T0 + 3);
    await message('cecilia@example.se', 'pending', null, T0 + 4);

    const output = await run();
    const lines = output.trimEnd().split('\n');
    expect(lines[0]).toBe('3 message(s) not delivered, newest first:');
    expect(lines[2]).toMatch(/^id\s+channel\s+template\s+status\s+attempts\s+last attempt \(UTC\)\s+to\s+last error$/);
    expect(lines.slice(3).map((line) => line.split(/\s{2,}/).slice(0, 4))).toEqual([
      [failing, 'sms', 'new-message', 'failed'],
      [bounced, 'email', 'new-message', 'bounced'],
      [dead, 'sms', 'new-message', 'dead'],
    ]);
    expect(output).toContain('+46*******67');
    expect(output).toContain('a***@e***.se');
    expect(output).toContain('2026-11-22 09:01');
    expect(output).toContain('SMS gateway answered HTTP 503');
    expect(output).not.toMatch(/701234567|anna\.svensson|bo@|cecilia/);
  });

  it('sends one message again with fresh attempts, and refuses what is not stuck', async () => {
    const dead = await message('+46701111111', 'dead', 'x', T0);
    expect(await run('retry', dead)).toBe(`Message ${dead} is queued again.\n`);
    const row = await database.db.selectFrom('outbox').selectAll().where('id', '=', dead).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempts: 0, next_attempt_at: T0 + 3_600_000 });

    await expect(run('retry', dead)).rejects.toThrow(
      /is pending; only dead, failed or bounced messages can be retried/,
    );
    await expect(run('retry', 'no-such-id')).rejects.toThrow('No message with id no-such-id.');
    await expect(run('retry')).rejects.toThrow(/Give either an id or --all-dead/);
    await expect(run('retry', dead, '--all-dead')).rejects.toThrow(/Give either an id or --all-dead/);
    await expect(run('resend')).rejects.toThrow(/Unknown arguments/);
  });

  it('sends every dead message again', async () => {
    await message('+46702222222', 'dead', 'x', T0);
    await message('+46703333333', 'dead', 'x', T0);
    const dead = await database.db.selectFrom('outbox').select('id').where('status', '=', 'dead').execute();
    expect(await run('retry', '--all-dead')).toBe(`${dead.length} dead message(s) queued again.\n`);
    expect(await run('retry', '--all-dead')).toBe('There are no dead messages.\n');
  });
});

describe('npx kontakta outbox', () => {
  it('is a command of the CLI', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-outbox-bin-'));
    try {
      const bin = new URL('../../bin/kontakta.js', import.meta.url).pathname;
      const env = { ...process.env, KONTAKTA_DATA_DIR: dataDir, KONTAKTA_DEMO: 'true' };
      const result = spawnSync(process.execPath, [bin, 'outbox'], { encoding: 'utf8', env });
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe('Every notification has been delivered or is on its way.\n');
      const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8', env });
      expect(help.stdout).toMatch(/outbox\s+List notifications that were not delivered/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
