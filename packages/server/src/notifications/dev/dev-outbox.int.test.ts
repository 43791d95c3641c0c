import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../../config/config.ts';
import { buildApp } from '../../http/app.ts';
import { createOutboxWorker, type OutboxWorker } from '../../jobs/outbox-worker.ts';
import { type RunningServer, startServer } from '../../server.ts';
import { enqueueOutboxMessage, type NewOutboxMessage } from '../../storage/repositories/outbox.repository.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../testing/test-databases.ts';
import { demoRegisters } from '../../testing/test-registers.ts';
import { createDeliver } from '../message-delivery.ts';
import { createNotificationChannels } from '../notification-channels.ts';
import { loginLinks } from '../templates/render-message.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-dev-outbox-'));
}

describe.each(DIALECTS)('the development outbox on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let worker: OutboxWorker;
  let config: Config;
  let dataDir: string;
  let now = Date.UTC(2026, 10, 22, 9, 0);

  beforeAll(async () => {
    dataDir = tempDir();
    database = await createTestDatabase(dialect);
    config = loadConfig({
      KONTAKTA_DEMO: 'true',
      KONTAKTA_DATA_DIR: dataDir,
      KONTAKTA_LOG_LEVEL: 'silent',
      KONTAKTA_DEV_OUTBOX: 'true',
    });
    app = await buildApp({ config, database, registers: demoRegisters() });
    await app.ready();
    const clock = () => now;
    const channels = createNotificationChannels(config.notifications, {
      db: database.db,
      publicUrl: config.publicUrl,
      clock,
    });
    worker = createOutboxWorker({
      db: database.db,
      deliver: createDeliver(channels, loginLinks(config.publicUrl, true)),
      logger: silent,
      maxAttempts: 3,
      pollMs: 1000,
      clock,
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function deliver(
    message: Partial<NewOutboxMessage> & Pick<NewOutboxMessage, 'channel' | 'template' | 'recipient'>,
  ) {
    now += 1000;
    const id = await enqueueOutboxMessage(
      database.db,
      { language: 'sv', citizen_id: null, errand_id: null, ...message },
      now,
    );
    await worker.runOnce();
    return id;
  }

  it('lists every e-mail, SMS and letter as JSON, newest first, with the texts that would have been sent', async () => {
    const email = await deliver({ channel: 'email', template: 'errand-answered', recipient: 'anna@example.se' });
    const sms = await deliver({
      channel: 'sms',
      template: 'login-code',
      recipient: '+46701234567',
      parameters: { code: '314159' },
    });
    const pdfPath = path.join(dataDir, 'password-letter.pdf');
    fs.writeFileSync(pdfPath, '%PDF-1.7\n% test letter\n');
    const letter = await deliver({
      channel: 'letter',
      template: 'password-letter',
      recipient: 'citizen-1',
      parameters: { pdfPath },
    });

    const response = await app.inject('/dev/outbox.json');
    expect(response.statusCode).toBe(200);
    const { messages } = response.json() as { messages: Array<Record<string, unknown>> };
    expect(messages.map((m) => m.id)).toEqual([letter, sms, email]);
    expect(messages[1]).toEqual({
      id: sms,
      channel: 'sms',
      template: 'login-code',
      to: '+46701234567',
      text: 'Din inloggningskod till Kontakta är 314159. Den gäller i 5 minuter. Lämna aldrig ut koden till någon.',
      createdAt: new Date(now - 1000).toISOString(),
      status: 'sent',
    });
    expect(messages[2]).toMatchObject({
      channel: 'email',
      to: 'anna@example.se',
      subject: 'Du har fått ett svar i Kontakta',
      text: expect.stringContaining(`${config.publicUrl}/`),
    });
    expect(messages[0]).toMatchObject({ channel: 'letter', pdfUrl: `/dev/outbox/${letter}.pdf`, status: 'sent' });

    const pdf = await app.inject(`/dev/outbox/${letter}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment;/);
    expect(pdf.body).toContain('% test letter');
  });

  it('keeps one copy of a message delivered twice (the receiving side is idempotent by id)', async () => {
    const id = await deliver({ channel: 'email', template: 'new-message', recipient: 'bo@example.se' });
    // The worker crashed after sending and before recording it: the message goes out again.
    await database.db
      .updateTable('outbox')
      .set({ status: 'pending', next_attempt_at: now })
      .where('id', '=', id)
      .execute();
    await worker.runOnce();
    const { messages } = (await app.inject('/dev/outbox.json')).json() as { messages: Array<{ id: string }> };
    expect(messages.filter((m) => m.id === id)).toHaveLength(1);
  });

  it('shows a page that works under the strict CSP: no inline scripts or styles, content escaped', async () => {
    await deliver({ channel: 'email', template: 'new-message', recipient: '<img src=x onerror=alert(1)>@example.se' });
    const page = await app.inject('/dev/outbox');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    // No script or style element, and no tag with a style or event-handler attribute.
    expect(page.body).not.toMatch(/<script|<style|<[^>]*\s(style|on\w+)=/i);
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt;@example.se');
    expect(page.body).toContain('<link rel="stylesheet" href="/dev/outbox.css">');
    expect(page.body).toContain('Du har ett nytt meddelande i Kontakta');
    const css = await app.inject('/dev/outbox.css');
    expect(css.headers['content-type']).toMatch(/^text\/css/);
  });

  it('answers 404 for letters it does not have and for anything that is not a letter', async () => {
    expect((await app.inject('/dev/outbox/00000000-0000-4000-8000-000000000000.pdf')).statusCode).toBe(404);
    expect((await app.inject('/dev/outbox/..%2F..%2Fkontakta.sqlite')).statusCode).toBe(404);
    const sms = await deliver({ channel: 'sms', template: 'new-message', recipient: '+46701234567' });
    expect((await app.inject(`/dev/outbox/${sms}.pdf`)).statusCode).toBe(404);
  });
});

describe('the development outbox in a running server', () => {
  it('is filled by the worker the server starts, and absent when turned off', async () => {
    const dataDir = tempDir();
    let server: RunningServer | undefined;
    try {
      const env = {
        KONTAKTA_DEMO: 'true',
        PORT: '0',
        KONTAKTA_DATA_DIR: dataDir,
        KONTAKTA_LOG_LEVEL: 'silent',
        KONTAKTA_OUTBOX_POLL_MS: '50',
      };
      server = await startServer(loadConfig(env), { registers: demoRegisters() });
      expect(server.outboxWorker).not.toBeNull();
      await enqueueOutboxMessage(
        server.database.db,
        {
          channel: 'sms',
          template: 'login-code',
          recipient: '+46701234567',
          language: 'en',
          citizen_id: null,
          errand_id: null,
          parameters: { code: '271828' },
        },
        Date.now(),
      );
      const url = `${server.url}/dev/outbox.json`;
      await expect
        .poll(
          async () => ((await (await fetch(url)).json()) as { messages: Array<{ text: string }> }).messages[0]?.text,
          {
            timeout: 5000,
          },
        )
        .toBe('Your Kontakta login code is 271828. It is valid for 5 minutes. Never give the code to anyone.');
      await server.close();

      server = await startServer(
        loadConfig({ ...env, KONTAKTA_DEV_OUTBOX: 'false', KONTAKTA_SMTP_URL: 'smtp://127.0.0.1:1' }),
        {
          registers: demoRegisters(),
        },
      );
      expect((await fetch(`${server.url}/dev/outbox.json`)).status).toBe(404);
    } finally {
      await server?.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
