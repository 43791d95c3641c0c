import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.ts';
import { normalizeLetterPassword } from '../../identity/letter-password.ts';
import { hashPassword } from '../../identity/password-hashing.ts';
import { demoPersonas } from '../../registers/index.ts';
import { injectedBrowser } from '../../testing/injected-browser.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../testing/test-databases.ts';
import { demoRegisters } from '../../testing/test-registers.ts';
import { buildApp } from '../app.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const { citizens } = demoPersonas(new Date());
const PASSWORD = 'K7QM-X3TR-PW9A-BC4D';
const RESEND = '/api/auth/password/code/resend';

// "Send a new code" on the code step of the password login: the new code replaces the old one,
// lives five minutes, and a login gets a few, half a minute apart; a login that is gone gets none.
describe.each(DIALECTS)('sending a new login code on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let dataDir: string;
  let now = Date.now();
  let address = 0;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-resend-'));
    database = await createTestDatabase(dialect);
    const config = loadConfig({
      // The first letter loads pdfkit (on first use): on a busy test machine that pause must not
      // read as overload (shedding is tested in http/overload.int.test.ts).
      KONTAKTA_MAX_EVENT_LOOP_DELAY_MS: '60000',
      KONTAKTA_DEMO: 'true',
      KONTAKTA_DATA_DIR: dataDir,
      KONTAKTA_LOG_LEVEL: 'silent',
      KONTAKTA_LOGIN_RATE_LIMIT: '10000',
    });
    app = await buildApp({ config, database, registers: demoRegisters(), clock: () => now });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** A browser of its own: its own address (throttles count per address) and cookies. */
  const nextAddress = () => `10.1.${Math.floor(++address / 250)}.${address % 250}`;
  const client = () => injectedBrowser(app, nextAddress());
  const codeSms = () =>
    database.db
      .selectFrom('outbox')
      .selectAll()
      .where('template', '=', 'login-code')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  const latestCode = async () => JSON.parse((await codeSms()).at(-1)?.parameters ?? '{}').code as string;
  const problem = (response: LightMyRequestResponse) => ({
    status: response.statusCode,
    type: response.headers['content-type'],
    code: response.json().code,
  });
  const refusal = (status: number, code: string) => ({
    status,
    type: expect.stringMatching(/^application\/problem\+json/),
    code,
  });

  /** An account with a known password (the real one travels by letter), and a browser at the code step. */
  const atCodeStep = async (personnummer: string) => {
    const setUp = await client().post('/api/auth/account', {
      personnummer,
      mobile: '070-174 06 98',
      acceptTerms: true,
    });
    expect(setUp.json()).toEqual({ outcome: 'letter-sent' });
    await database.db
      .updateTable('password_credential')
      .set({ password_hash: await hashPassword(normalizeLetterPassword(PASSWORD)) })
      .where('citizen_id', '=', (qb) => qb.selectFrom('citizen').select('id').where('personnummer', '=', personnummer))
      .execute();
    const at = nextAddress();
    const c = injectedBrowser(app, at);
    expect((await c.post('/api/auth/password', { personnummer, password: PASSWORD })).statusCode).toBe(200);
    return { browser: c, address: at, firstCode: await latestCode() };
  };

  it('sends a new code after half a minute; the old code stops working and the new one logs in', async () => {
    const { browser, firstCode } = await atCodeStep(citizens.adult.personnummer);
    const sentBefore = (await codeSms()).length;

    const tooSoon = await browser.post(RESEND);
    expect(problem(tooSoon)).toEqual(refusal(429, 'code-resend-too-soon'));
    expect(Number(tooSoon.headers['retry-after'])).toBe(30);
    now += 10 * SECOND;
    expect(Number((await browser.post(RESEND)).headers['retry-after'])).toBe(20);
    expect(await codeSms()).toHaveLength(sentBefore);

    now += 20 * SECOND;
    const resent = await browser.post(RESEND);
    expect(resent.statusCode).toBe(200);
    expect(resent.json()).toEqual({ codeSentTo: '•••• •• 98', codeValidSeconds: 300, resendsLeft: 2 });
    // The cookie is renewed for the new code's five minutes.
    expect(resent.cookies).toContainEqual(expect.objectContaining({ name: 'kontakta_login_code', maxAge: 300 }));
    const sms = await codeSms();
    expect(sms).toHaveLength(sentBefore + 1);
    expect(sms.at(-1)).toMatchObject({ channel: 'sms', template: 'login-code', recipient: '+46701740698' });
    const newCode = await latestCode();
    expect(newCode).toMatch(/^\d{6}$/);
    expect(JSON.stringify(await database.db.selectFrom('login_code').selectAll().execute())).not.toContain(newCode);

    if (newCode !== firstCode) {
      expect(problem(await browser.post('/api/auth/password/code', { code: firstCode }))).toEqual(
        refusal(401, 'invalid-code'),
      );
    }
    const challenge = browser.cookies.kontakta_login_code as string;
    expect((await browser.post('/api/auth/password/code', { code: newCode })).statusCode).toBe(200);
    expect((await browser.get('/api/session')).statusCode).toBe(200);
    expect(browser.cookies.kontakta_login_code).toBeUndefined();

    // The login is finished: no more codes for it, whoever holds its token.
    const replay = client();
    replay.cookies.kontakta_login_code = challenge;
    expect(problem(await replay.post(RESEND))).toEqual(refusal(401, 'code-expired'));
    expect(await codeSms()).toHaveLength(sentBefore + 1);
  });

  it('gives the new code five minutes of its own, and then the login is gone', async () => {
    const { browser } = await atCodeStep(citizens.guardian.personnummer);
    now += 4 * MINUTE;
    expect((await browser.post(RESEND)).statusCode).toBe(200);
    const code = await latestCode();
    // Eight minutes after the password: the first code's time is long gone, the new code's is not.
    now += 4 * MINUTE;
    expect((await browser.post('/api/auth/password/code', { code })).statusCode).toBe(200);

    const late = await atCodeStep(citizens.coGuardian.personnummer);
    now += 2 * MINUTE;
    expect((await late.browser.post(RESEND)).statusCode).toBe(200);
    const challenge = late.browser.cookies.kontakta_login_code as string;
    now += 5 * MINUTE;
    const gone = await late.browser.post(RESEND);
    expect(problem(gone)).toEqual(refusal(401, 'code-expired'));
    expect(late.browser.cookies.kontakta_login_code).toBeUndefined();
    // An expired login's token is no better in another browser.
    const replay = client();
    replay.cookies.kontakta_login_code = challenge;
    expect(problem(await replay.post(RESEND))).toEqual(refusal(401, 'code-expired'));
  });

  it('sends at most three new codes per login; the latest still works', async () => {
    const { browser } = await atCodeStep(citizens.singleGuardian.personnummer);
    const sentBefore = (await codeSms()).length;
    const left: number[] = [];
    for (let i = 0; i < 3; i++) {
      now += 30 * SECOND;
      const resent = await browser.post(RESEND);
      expect(resent.statusCode).toBe(200);
      left.push(resent.json().resendsLeft);
    }
    expect(left).toEqual([2, 1, 0]);
    now += 30 * SECOND;
    expect(problem(await browser.post(RESEND))).toEqual(refusal(409, 'code-resend-limit-reached'));
    expect(await codeSms()).toHaveLength(sentBefore + 3);
    expect((await browser.post('/api/auth/password/code', { code: await latestCode() })).statusCode).toBe(200);
  });

  it('refuses an unknown login, another browser and a login whose wrong tries are spent', async () => {
    const sentBefore = (await codeSms()).length;
    expect(problem(await client().post(RESEND))).toEqual(refusal(401, 'code-expired'));
    const forged = client();
    forged.cookies.kontakta_login_code = 'not-a-login-anyone-started';
    expect(problem(await forged.post(RESEND))).toEqual(refusal(401, 'code-expired'));

    const { browser, firstCode } = await atCodeStep(citizens.centenarian.personnummer);
    // The code is bound to the browser that gave the password.
    expect(problem(await client().post(RESEND))).toEqual(refusal(401, 'code-expired'));
    const wrong = firstCode === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++) await browser.post('/api/auth/password/code', { code: wrong });
    now += 30 * SECOND;
    expect(problem(await browser.post(RESEND))).toEqual(refusal(401, 'code-expired'));
    expect(await codeSms()).toHaveLength(sentBefore + 1);
  });

  it('sends nothing while wrong passwords from its address pause the login', async () => {
    const pnr = citizens.protectedGuardian.personnummer;
    const { browser, address: browserAddress } = await atCodeStep(pnr);
    const sameAddress = injectedBrowser(app, browserAddress);
    for (let i = 0; i < 6; i++)
      await sameAddress.post('/api/auth/password', { personnummer: pnr, password: `guess-${i}` });
    const sentBefore = (await codeSms()).length;
    now += 30 * SECOND;
    const locked = await browser.post(RESEND);
    expect(problem(locked)).toEqual(refusal(429, 'too-many-requests'));
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(await codeSms()).toHaveLength(sentBefore);
  });
});
