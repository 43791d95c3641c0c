import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ KONTAKTA_DEMO: 'true', ...env }, '/srv/kontakta');
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('notification settings', () => {
  it('keep everything on the machine by default in demo mode, with the worker on', () => {
    const config = loadConfig({ KONTAKTA_DEMO: 'true' }, '/srv/kontakta');
    expect(config.notifications).toEqual({
      devOutbox: true,
      smtpUrl: null,
      mailFrom: 'Kontakta <no-reply@localhost>',
      sms: null,
      printOutboxDir: '/srv/kontakta/data/print-outbox',
      linksForCitizens: false,
    });
    expect(config.outboxWorker).toEqual({ enabled: true, pollMs: 1000, maxAttempts: 10 });
  });

  it('need a mail server once the dev outbox is off, even in demo mode', () => {
    expect(problemsOf({ KONTAKTA_DEV_OUTBOX: 'false' })).toEqual([
      'KONTAKTA_SMTP_URL must be set (the mail server notifications are sent through); or run in demo mode (--demo)',
    ]);
  });

  it('read the mail server, sender, SMS gateway and worker settings', () => {
    const config = loadConfig({
      KONTAKTA_DEMO: 'true',
      KONTAKTA_PUBLIC_URL: 'https://kontakta.region.se',
      KONTAKTA_DEV_OUTBOX: 'false',
      KONTAKTA_SMTP_URL: 'smtps://kontakta:pw@smtp.region.se:465',
      KONTAKTA_SMS_GATEWAY_URL: 'https://api.46elks.com/a1/sms',
      KONTAKTA_SMS_GATEWAY_USERNAME: 'u1',
      KONTAKTA_SMS_GATEWAY_PASSWORD: 'p1',
      KONTAKTA_SMS_SENDER: 'Region',
      KONTAKTA_PRINT_OUTBOX_DIR: '/var/spool/print',
      KONTAKTA_NOTIFICATION_LINKS: 'true',
      KONTAKTA_OUTBOX_WORKER: 'false',
      KONTAKTA_OUTBOX_POLL_MS: '250',
      KONTAKTA_OUTBOX_MAX_ATTEMPTS: '4',
    });
    expect(config.notifications).toEqual({
      devOutbox: false,
      smtpUrl: 'smtps://kontakta:pw@smtp.region.se:465',
      mailFrom: 'Kontakta <no-reply@kontakta.region.se>',
      sms: { gatewayUrl: 'https://api.46elks.com/a1/sms', username: 'u1', password: 'p1', sender: 'Region' },
      printOutboxDir: '/var/spool/print',
      linksForCitizens: true,
    });
    expect(config.outboxWorker).toEqual({ enabled: false, pollMs: 250, maxAttempts: 4 });
  });

  it('list wrong values without repeating secrets', () => {
    const problems = problemsOf({
      KONTAKTA_SMTP_URL: 'http://user:hunter2@mail',
      KONTAKTA_MAIL_FROM: 'nobody',
      KONTAKTA_SMS_GATEWAY_URL: 'ftp://sms',
      KONTAKTA_SMS_SENDER: 'Region Stockholm',
      KONTAKTA_OUTBOX_MAX_ATTEMPTS: '0',
    });
    expect(problems).toEqual([
      'KONTAKTA_SMTP_URL: must be smtp://user:password@host:587 or smtps://user:password@host:465',
      'KONTAKTA_SMS_GATEWAY_URL: must be an http:// or https:// address',
      'KONTAKTA_MAIL_FROM="nobody": must be an address, e.g. Kontakta <no-reply@region.se>',
      'KONTAKTA_OUTBOX_MAX_ATTEMPTS="0": must be between 1 and 100',
    ]);
    // The sender is only read with a gateway; with one, a name longer than 11 characters is refused.
    expect(problemsOf({ KONTAKTA_SMS_GATEWAY_URL: 'https://sms', KONTAKTA_SMS_SENDER: 'Region Stockholm' })).toEqual([
      'KONTAKTA_SMS_SENDER="Region Stockholm": must be up to 11 letters and digits, or a number such as +46701234567',
    ]);
  });

  it('send codes by SMS to Swedish mobiles only by default, at most 60 a minute', () => {
    expect(loadConfig({ KONTAKTA_DEMO: 'true' }, '/srv/kontakta').smsPolicy).toEqual({
      allowedCountries: ['46'],
      perMinute: 60,
    });
    const nordic = loadConfig(
      { KONTAKTA_DEMO: 'true', KONTAKTA_SMS_ALLOWED_COUNTRIES: '46, +47,358', KONTAKTA_SMS_PER_MINUTE: '20' },
      '/srv/kontakta',
    );
    expect(nordic.smsPolicy).toEqual({ allowedCountries: ['46', '47', '358'], perMinute: 20 });
    expect(problemsOf({ KONTAKTA_SMS_ALLOWED_COUNTRIES: '46,881', KONTAKTA_SMS_PER_MINUTE: '0' })).toEqual([
      'KONTAKTA_SMS_ALLOWED_COUNTRIES="46,881": must be country calling codes, comma-separated, among 46, 47, 358',
      'KONTAKTA_SMS_PER_MINUTE="0": must be between 1 and 100000',
    ]);
  });
});
