import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { createDeliver } from '../notifications/message-delivery.ts';
import type { Channels } from '../notifications/notification.types.ts';
import { closeNotificationChannels, createNotificationChannels } from '../notifications/notification-channels.ts';
import { loginLinks } from '../notifications/templates/render-message.ts';
import { enqueueOutboxMessage, type NewOutboxMessage } from '../storage/repositories/outbox.repository.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../testing/test-databases.ts';
import { startTestSmsGateway } from '../testing/test-sms-gateway.ts';
import { startTestSmtpServer } from '../testing/test-smtp-server.ts';
import { createOutboxWorker, type OutboxWorker } from './outbox-worker.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

// The whole way out: outbox rows → worker → templates → a real SMTP server, an HTTP SMS gateway
// and the print outbox folder, configured as an installation would be.
describe.each(DIALECTS)('notifications from the outbox on %s', (dialect) => {
  let database: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let gateway: Awaited<ReturnType<typeof startTestSmsGateway>>;
  let channels: Channels;
  let worker: OutboxWorker;
  let dataDir: string;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    smtp = await startTestSmtpServer({
      refuse: (address) => (address === 'gone@example.se' ? { code: 550, text: '5.1.1 no such user' } : null),
    });
    gateway = await startTestSmsGateway((request) =>
      request.form.to === '+46700000000'
        ? { status: 404, body: 'Invalid to number' }
        : { status: 200, body: '{"id":"s-ok"}' },
    );
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-notify-'));
    const config = loadConfig({
      KONTAKTA_DEMO: 'true',
      KONTAKTA_DEV_OUTBOX: 'false',
      KONTAKTA_DATA_DIR: dataDir,
      KONTAKTA_PUBLIC_URL: 'https://kontakta.region.se',
      KONTAKTA_SMTP_URL: smtp.url,
      KONTAKTA_MAIL_FROM: 'Kontakta <no-reply@region.se>',
      KONTAKTA_SMS_GATEWAY_URL: gateway.url,
      KONTAKTA_SMS_GATEWAY_USERNAME: 'api-user',
      KONTAKTA_SMS_GATEWAY_PASSWORD: 'api-secret',
    });
    expect(config.notifications.devOutbox).toBe(false);
    channels = createNotificationChannels(config.notifications, { db: database.db, publicUrl: config.publicUrl });
    worker = createOutboxWorker({
      db: database.db,
      deliver: createDeliver(channels, loginLinks(config.publicUrl, true)),
      logger: silent,
      maxAttempts: 3,
      pollMs: 1000,
    });
  });
  afterAll(async () => {
    if (channels) await closeNotificationChannels(channels);
    await smtp?.close();
    await gateway?.close();
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function send(
    message: Partial<NewOutboxMessage> & Pick<NewOutboxMessage, 'channel' | 'template' | 'recipient'>,
  ) {
    const id = await enqueueOutboxMessage(
      database.db,
      { language: 'sv', citizen_id: null, errand_id: null, ...message },
      Date.now() - 1,
    );
    await worker.runOnce();
    return database.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  it('tells a citizen in Swedish that there is an answer, links to the login, and says nothing of the errand', async () => {
    const row = await send({
      channel: 'email',
      template: 'errand-answered',
      recipient: 'anna@example.se',
      // What a careless use case might add: none of it may reach the mail.
      parameters: { unitName: 'Barnmorskemottagningen Solna', errandType: 'Förnya recept', medicine: 'Sertralin' },
    });
    expect(row.status).toBe('sent');
    const mail = smtp.received.find((m) => m.messageId === `<${row.id}@kontakta.region.se>`);
    expect(mail?.envelopeTo).toEqual(['anna@example.se']);
    expect(mail?.subject).toBe('Du har fått ett svar i Kontakta');
    expect(mail?.text).toContain('Logga in för att läsa:\nhttps://kontakta.region.se/\n');
    expect(mail?.raw).not.toMatch(/Barnmorske|Solna|recept|Sertralin/);
    expect(mail?.header('From')).toContain('no-reply@region.se');
  });

  it('writes in English to a citizen who chose English', async () => {
    const row = await send({ channel: 'email', template: 'new-message', recipient: 'bo@example.se', language: 'en' });
    const mail = smtp.received.find((m) => m.messageId === `<${row.id}@kontakta.region.se>`);
    expect(mail?.subject).toBe('You have a new message in Kontakta');
    expect(mail?.text).toContain('Log in to read it:\nhttps://kontakta.region.se/');
  });

  it("tells a care unit's mailbox about a new errand and links to the staff login", async () => {
    const row = await send({ channel: 'email', template: 'errand-received', recipient: 'bmm.solna@region.se' });
    const mail = smtp.received.find((m) => m.messageId === `<${row.id}@kontakta.region.se>`);
    expect(mail?.subject).toBe('Nytt ärende i Kontakta');
    expect(mail?.text).toContain('https://kontakta.region.se/personal');
  });

  it('sends the login code by SMS through the gateway', async () => {
    const row = await send({
      channel: 'sms',
      template: 'login-code',
      recipient: '+46701234567',
      parameters: { code: '907152' },
    });
    expect(row).toMatchObject({ status: 'sent', provider_reference: 's-ok' });
    const request = gateway.requests.find((r) => r.idempotencyKey === row.id);
    expect(request?.form).toEqual({
      from: 'Kontakta',
      to: '+46701234567',
      message: 'Din inloggningskod till Kontakta är 907152. Den gäller i 5 minuter. Lämna aldrig ut koden till någon.',
    });
  });

  it('records a wrong number and an unknown mailbox as bounced', async () => {
    const sms = await send({ channel: 'sms', template: 'new-message', recipient: '+46700000000' });
    expect(sms).toMatchObject({ status: 'bounced', attempts: 1 });
    expect(sms.last_error).toBe('SMS gateway refused the number (HTTP 404): Invalid to number');
    const mail = await send({ channel: 'email', template: 'new-message', recipient: 'gone@example.se' });
    expect(mail.status).toBe('bounced');
    expect(mail.last_error).not.toContain('gone@example.se');
  });

  it('leaves a password letter in the print outbox folder', async () => {
    const pdfPath = path.join(dataDir, 'letter-in-progress.pdf');
    fs.writeFileSync(pdfPath, '%PDF-1.7\n% a password letter\n');
    const row = await send({
      channel: 'letter',
      template: 'password-letter',
      recipient: 'citizen-id-1',
      parameters: { pdfPath },
    });
    expect(row).toMatchObject({ status: 'sent', provider_reference: `${row.id}.pdf` });
    const printed = path.join(dataDir, 'print-outbox', `${row.id}.pdf`);
    expect(fs.readFileSync(printed, 'utf8')).toContain('a password letter');
    expect(fs.existsSync(pdfPath)).toBe(false);
  });
});
