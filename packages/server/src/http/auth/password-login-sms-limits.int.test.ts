import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.ts';
import { normalizeLetterPassword } from '../../identity/letter-password.ts';
import { hashPassword } from '../../identity/password-hashing.ts';
import { createMetrics, type Metrics } from '../../observability/prometheus-metrics.ts';
import { demoPersonas } from '../../registers/index.ts';
import { injectedBrowser } from '../../testing/injected-browser.ts';
import { parseMetricsText, sampleValue } from '../../testing/metrics-text.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../testing/test-databases.ts';
import { demoRegisters } from '../../testing/test-registers.ts';
import { buildApp } from '../app.ts';

const MINUTE = 60_000;
const { citizens } = demoPersonas(new Date());
const PASSWORD = 'K7QM-X3TR-PW9A-BC4D';
const RESEND = '/api/auth/password/code/resend';

// SMS pumping through the password login (issue 13.2): every right password sent an SMS, with
// no limit, to whatever number the account had. Now at most five login codes per account in 15
// minutes (the first and the new ones alike), and only to mobile numbers of allowed countries.
describe.each(DIALECTS)('login codes by SMS, limited, on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let metrics: Metrics;
  let dataDir: string;
  let now = Date.UTC(2026, 11, 6, 8, 0);
  let address = 0;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-sms-limits-'));
    database = await createTestDatabase(dialect);
    metrics = createMetrics();
    const config = loadConfig({
      // The first letter loads pdfkit (on first use): on a busy test machine that pause must not
      // read as overload (shedding is tested in http/overload.int.test.ts).
      KONTAKTA_MAX_EVENT_LOOP_DELAY_MS: '60000',
      KONTAKTA_DEMO: 'true',
      KONTAKTA_DATA_DIR: dataDir,
      KONTAKTA_LOG_LEVEL: 'silent',
      KONTAKTA_LOGIN_RATE_LIMIT: '10000',
    });
    app = await buildApp({ config, database, registers: demoRegisters(), clock: () => now, metrics });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const client = () => injectedBrowser(app, `10.2.${Math.floor(++address / 250)}.${address % 250}`);
  const codeSms = (recipient: string) =>
    database.db
      .selectFrom('outbox')
      .selectAll()
      .where('template', '=', 'login-code')
      .where('recipient', '=', recipient)
      .execute();
  const problem = (response: LightMyRequestResponse) => ({ status: response.statusCode, code: response.json().code });
  const metric = async (name: string, labels: Record<string, string>) =>
    sampleValue(parseMetricsText((await app.inject('/metrics')).body), name, labels) ?? 0;
  const account = async (personnummer: string, mobile: string) => {
    const setUp = await client().post('/api/auth/account', { personnummer, mobile, acceptTerms: true });
    expect(setUp.json()).toEqual({ outcome: 'letter-sent' });
    await database.db
      .updateTable('password_credential')
      .set({ password_hash: await hashPassword(normalizeLetterPassword(PASSWORD)) })
      .where('citizen_id', '=', (qb) => qb.selectFrom('citizen').select('id').where('personnummer', '=', personnummer))
      .execute();
  };

  it('sends at most five login codes per account in 15 minutes, however often the right password comes', async () => {
    const personnummer = citizens.adult.personnummer;
    await account(personnummer, '070-600 00 01');
    const queuedBefore = await metric('kontakta_sms_queued_total', { purpose: 'login-code' });
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) {
      answers.push((await client().post('/api/auth/password', { personnummer, password: PASSWORD })).statusCode);
      now += 10_000;
    }
    expect(answers).toEqual([200, 200, 200, 200, 200]);
    const sixth = await client().post('/api/auth/password', { personnummer, password: PASSWORD });
    expect(problem(sixth)).toEqual({ status: 429, code: 'too-many-requests' });
    expect(Number(sixth.headers['retry-after'])).toBe(15 * 60 - 50);
    expect(sixth.headers['set-cookie']).toBeUndefined();
    expect(await codeSms('+46706000001')).toHaveLength(5);
    expect(await metric('kontakta_sms_queued_total', { purpose: 'login-code' })).toBe(queuedBefore + 5);
    expect(await metric('kontakta_sms_refused_total', { reason: 'account-limit' })).toBe(1);

    now += 15 * MINUTE;
    const later = client();
    expect((await later.post('/api/auth/password', { personnummer, password: PASSWORD })).statusCode).toBe(200);
    const code = JSON.parse((await codeSms('+46706000001')).at(-1)?.parameters ?? '{}').code;
    expect((await later.post('/api/auth/password/code', { code })).statusCode).toBe(200);
  });

  it('counts "send a new code" within the same limit', async () => {
    const personnummer = citizens.guardian.personnummer;
    await account(personnummer, '070-600 00 02');
    const browser = client();
    await browser.post('/api/auth/password', { personnummer, password: PASSWORD });
    for (let i = 0; i < 3; i++) {
      now += 30_000;
      expect((await browser.post(RESEND)).statusCode).toBe(200);
    }
    const second = client();
    expect((await second.post('/api/auth/password', { personnummer, password: PASSWORD })).statusCode).toBe(200);
    now += 30_000;
    const refused = await second.post(RESEND);
    expect(problem(refused)).toEqual({ status: 429, code: 'too-many-requests' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await codeSms('+46706000002')).toHaveLength(5);
  });

  it('sends no code to a number the installation does not text, even one stored before', async () => {
    const personnummer = citizens.coGuardian.personnummer;
    await account(personnummer, '070-600 00 03');
    await database.db
      .updateTable('password_credential')
      .set({ mobile: '+881612345678' })
      .where('citizen_id', '=', (qb) => qb.selectFrom('citizen').select('id').where('personnummer', '=', personnummer))
      .execute();
    const before = await metric('kontakta_sms_refused_total', { reason: 'country-not-allowed' });
    const refused = await client().post('/api/auth/password', { personnummer, password: PASSWORD });
    expect(problem(refused)).toEqual({ status: 403, code: 'login-refused' });
    expect(await codeSms('+881612345678')).toEqual([]);
    expect(await metric('kontakta_sms_refused_total', { reason: 'country-not-allowed' })).toBe(before + 1);
  });

  it('refuses to set up an account with a number it does not text, naming the field', async () => {
    for (const [mobile, code] of [
      ['+881 6 1234 5678', 'country-not-allowed'],
      ['+882 16 1234 5678', 'country-not-allowed'],
      ['+44 7700 900123', 'country-not-allowed'],
      ['08-123 456 78', 'not-a-mobile-number'],
      ['074-123 45 67', 'not-a-mobile-number'],
    ]) {
      const response = await client().post('/api/auth/account', {
        personnummer: citizens.centenarian.personnummer,
        mobile,
        acceptTerms: true,
      });
      expect(problem(response), mobile).toEqual({ status: 400, code: 'validation-failed' });
      expect(response.json().errors, mobile).toEqual([expect.objectContaining({ path: 'body.mobile', code })]);
    }
  });
});
