import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makePersonnummer } from '@kontakta/domain';
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

const MINUTE = 60_000;
const { citizens } = demoPersonas(new Date());
const PASSWORD = 'K7QM-X3TR-PW9A-BC4D';

describe.each(DIALECTS)('password + SMS code login on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let dataDir: string;
  let now = Date.now();
  let address = 0;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-password-'));
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
  const client = () => injectedBrowser(app, `10.0.${Math.floor(++address / 250)}.${address % 250}`);
  const setUp = (personnummer: string, mobile = '070-174 06 98') =>
    client().post('/api/auth/account', { personnummer, mobile, acceptTerms: true });
  const outbox = (template: string) =>
    database.db.selectFrom('outbox').selectAll().where('template', '=', template).orderBy('created_at').execute();
  const credentialsOf = async (personnummer: string) =>
    database.db
      .selectFrom('password_credential')
      .innerJoin('citizen', 'citizen.id', 'password_credential.citizen_id')
      .selectAll('password_credential')
      .where('citizen.personnummer', '=', personnummer)
      .execute();
  /** The letter carries the password; a test cannot read the PDF's glyphs, so it sets a known one. */
  const accountWithKnownPassword = async (personnummer: string, mobile?: string) => {
    expect((await setUp(personnummer, mobile)).json()).toEqual({ outcome: 'letter-sent' });
    const [pending] = await credentialsOf(personnummer);
    await database.db
      .updateTable('password_credential')
      .set({ password_hash: await hashPassword(normalizeLetterPassword(PASSWORD)) })
      .where('id', '=', pending?.id as string)
      .execute();
  };
  const latestCode = async () => JSON.parse((await outbox('login-code')).at(-1)?.parameters ?? '{}').code as string;
  const problem = (response: LightMyRequestResponse) => ({ status: response.statusCode, code: response.json().code });

  it('sets up an account: a tagged PDF letter for the registered address goes to the letter outbox', async () => {
    const response = await setUp(citizens.adult.personnummer);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ outcome: 'letter-sent' });
    const [letter] = await outbox('password-letter');
    expect(letter).toMatchObject({ channel: 'letter', status: 'pending' });
    const { pdfPath } = JSON.parse(letter?.parameters ?? '{}');
    const pdf = fs.readFileSync(pdfPath).toString('latin1');
    expect(pdf.startsWith('%PDF-1.7')).toBe(true);
    expect(pdf).toContain('/StructTreeRoot');
    expect(pdf).toContain('/Lang (sv-SE)');
    const [credential] = await credentialsOf(citizens.adult.personnummer);
    expect(credential).toMatchObject({ status: 'pending', mobile: '+46701740698', activated_at: null });
    expect(credential?.password_hash).toMatch(/^\$argon2id\$/);

    // A second request the same day sends no second letter.
    expect((await setUp(citizens.adult.personnummer)).json()).toEqual({ outcome: 'letter-sent' });
    expect(await outbox('password-letter')).toHaveLength(1);
  });

  it('answers every personnummer alike: unknown, mail forwarded, a letter today already, or a letter now', async () => {
    const before = (await outbox('password-letter')).length;
    const stranger = makePersonnummer({ birthDate: '1950-06-30', sex: 'male', sequence: 499 });
    const answers = [];
    for (const personnummer of [
      citizens.mailForwarding.personnummer,
      stranger,
      citizens.adult.personnummer, // got its letter in the test above
      citizens.tolvan.personnummer, // gets one now
    ]) {
      const response = await setUp(personnummer);
      const { date: _date, 'x-request-id': _id, ...headers } = response.headers;
      answers.push({ status: response.statusCode, headers, body: response.body });
    }
    expect(answers[0]).toEqual({
      status: 200,
      headers: expect.objectContaining({ 'content-type': expect.stringContaining('application/json') }),
      body: JSON.stringify({ outcome: 'letter-sent' }),
    });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    // Only the last got a letter: mail that is forwarded would not reach its owner at the registered address.
    const letters = (await outbox('password-letter')).slice(before);
    expect(letters).toHaveLength(1);
    expect(await credentialsOf(citizens.mailForwarding.personnummer)).toEqual([]);
  });

  it('refuses bad set-up input with field errors', async () => {
    const c = client();
    const coordination = await setUp(citizens.coordinationNumber.personnummer);
    expect(coordination.statusCode).toBe(400);
    expect(coordination.json().errors[0]).toMatchObject({ path: 'body.personnummer', code: 'coordination-number' });
    const mobile = await setUp(citizens.adult.personnummer, '08-123 456 78');
    expect(mobile.json().errors[0]).toMatchObject({ path: 'body.mobile', code: 'not-a-mobile-number' });
    const terms = await c.post('/api/auth/account', {
      personnummer: citizens.adult.personnummer,
      mobile: '0701740698',
      acceptTerms: false,
    });
    expect(terms.statusCode).toBe(400);
  });

  it('logs in with password then code; the first login proves the mobile and activates the password', async () => {
    const pnr = citizens.guardian.personnummer;
    await accountWithKnownPassword(pnr);
    const c = client();
    const step1 = await c.post('/api/auth/password', { personnummer: pnr, password: PASSWORD.toLowerCase() });
    expect(step1.statusCode).toBe(200);
    expect(step1.json()).toEqual({ codeSentTo: '•••• •• 98', codeValidSeconds: 300 });
    const [sms] = (await outbox('login-code')).slice(-1);
    expect(sms).toMatchObject({ channel: 'sms', recipient: '+46701740698' });
    const code = await latestCode();
    const challenge = c.cookies.kontakta_login_code as string;
    expect(code).toMatch(/^\d{6}$/);
    expect(JSON.stringify(await database.db.selectFrom('login_code').selectAll().execute())).not.toContain(code);

    const step2 = await c.post('/api/auth/password/code', { code });
    expect(step2.statusCode).toBe(200);
    expect(step2.json()).toMatchObject({ kind: 'citizen', roles: [] });
    expect((await c.get('/api/session')).statusCode).toBe(200);
    expect(await credentialsOf(pnr)).toEqual([expect.objectContaining({ status: 'active', activated_at: now })]);
    const events = await database.db
      .selectFrom('login_event')
      .selectAll()
      .where('method', '=', 'password-sms')
      .execute();
    expect(events).toContainEqual(expect.objectContaining({ result: 'success' }));

    // Single use.
    const again = client();
    again.cookies.kontakta_login_code = challenge;
    expect(problem(await again.post('/api/auth/password/code', { code }))).toEqual({
      status: 401,
      code: 'code-expired',
    });
  });

  it('answers a wrong password exactly as a personnummer without an account', async () => {
    const pnr = citizens.coGuardian.personnummer;
    await accountWithKnownPassword(pnr);
    const wrong = await client().post('/api/auth/password', { personnummer: pnr, password: 'WRONG-PASS' });
    const stranger = makePersonnummer({ birthDate: '1961-02-03', sex: 'female', sequence: 17 });
    const none = await client().post('/api/auth/password', { personnummer: stranger, password: 'WRONG-PASS' });
    expect(problem(wrong)).toEqual({ status: 401, code: 'invalid-credentials' });
    const { instance: _a, ...a } = wrong.json();
    const { instance: _b, ...b } = none.json();
    expect(b).toEqual(a);
    expect(none.headers['set-cookie']).toBeUndefined();
  });

  it('lets a code live five minutes, and the code needs the browser that gave the password', async () => {
    const pnr = citizens.singleGuardian.personnummer;
    await accountWithKnownPassword(pnr);
    const c = client();
    await c.post('/api/auth/password', { personnummer: pnr, password: PASSWORD });
    const code = await latestCode();
    expect(problem(await client().post('/api/auth/password/code', { code }))).toEqual({
      status: 401,
      code: 'code-expired',
    });
    now += 5 * MINUTE;
    expect(problem(await c.post('/api/auth/password/code', { code }))).toEqual({ status: 401, code: 'code-expired' });
    expect((await c.get('/api/session')).statusCode).toBe(401);
  });

  it('uses a code up after five wrong tries', async () => {
    const pnr = citizens.centenarian.personnummer;
    await accountWithKnownPassword(pnr);
    const c = client();
    await c.post('/api/auth/password', { personnummer: pnr, password: PASSWORD });
    const code = await latestCode();
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 4; i++) {
      expect(problem(await c.post('/api/auth/password/code', { code: wrong }))).toEqual({
        status: 401,
        code: 'invalid-code',
      });
    }
    expect(problem(await c.post('/api/auth/password/code', { code: wrong }))).toEqual({
      status: 401,
      code: 'code-expired',
    });
    expect(problem(await c.post('/api/auth/password/code', { code }))).toEqual({ status: 401, code: 'code-expired' });
    // A new code, after the password again, works (the five failures were within the backoff's allowance).
    now += 2 * MINUTE;
    await c.post('/api/auth/password', { personnummer: pnr, password: PASSWORD });
    expect((await c.post('/api/auth/password/code', { code: await latestCode() })).statusCode).toBe(200);
  });

  it('stops password guessing from one address on a personnummer with growing pauses, account or not', async () => {
    const pnr = citizens.withoutMobile.personnummer;
    await accountWithKnownPassword(pnr, '070-174 06 11');
    const stranger = makePersonnummer({ birthDate: '1970-07-07', sex: 'male', sequence: 7 });
    const guesser = client();
    for (const target of [pnr, stranger]) {
      const answers: number[] = [];
      for (let i = 0; i < 6; i++) {
        answers.push(
          (await guesser.post('/api/auth/password', { personnummer: target, password: `guess-${i}` })).statusCode,
        );
      }
      expect(answers).toEqual([401, 401, 401, 401, 401, 429]);
    }
    const locked = await guesser.post('/api/auth/password', { personnummer: pnr, password: PASSWORD });
    expect(problem(locked)).toEqual({ status: 429, code: 'too-many-requests' });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    now += MINUTE;
    // One more wrong guess doubles the pause; the right password then waits it out.
    expect((await guesser.post('/api/auth/password', { personnummer: pnr, password: 'again' })).statusCode).toBe(401);
    expect((await guesser.post('/api/auth/password', { personnummer: pnr, password: PASSWORD })).statusCode).toBe(429);
    now += 2 * MINUTE;
    expect((await guesser.post('/api/auth/password', { personnummer: pnr, password: PASSWORD })).statusCode).toBe(200);
    // The counters are keyed by HMAC, not by the bare SHA-256 of the personnummer they used to be.
    const keys = (await database.db.selectFrom('login_throttle').select('key').execute()).map((row) => row.key);
    const bare = createHash('sha256').update(`kontakta-login:${pnr}`).digest('hex');
    expect(keys.some((key) => key.includes(bare) || key.includes(pnr))).toBe(false);
  });

  it('never lets an attacker at one address keep the owner, at another, out of the password login', async () => {
    const pnr = citizens.protectedGuardian.personnummer;
    await accountWithKnownPassword(pnr, '070-174 06 12');
    const attacker = client();
    // A day of one wrong guess whenever the attacker's pause ends: the old single lock per
    // personnummer was renewed by each of them, for ever.
    for (let hour = 0; hour < 24; hour++) {
      for (let i = 0; i < 8; i++) await attacker.post('/api/auth/password', { personnummer: pnr, password: `x-${i}` });
      const owner = client();
      const step1 = await owner.post('/api/auth/password', { personnummer: pnr, password: PASSWORD });
      expect(step1.statusCode, `hour ${hour}`).toBe(200);
      const code = await latestCode();
      expect((await owner.post('/api/auth/password/code', { code })).statusCode, `hour ${hour}`).toBe(200);
      now += 60 * MINUTE;
    }
    // The attacker's own address stays slowed down on this personnummer: each wrong guess, an hour.
    expect((await attacker.post('/api/auth/password', { personnummer: pnr, password: 'x' })).statusCode).toBe(401);
    const locked = await attacker.post('/api/auth/password', { personnummer: pnr, password: PASSWORD });
    expect(problem(locked)).toEqual({ status: 429, code: 'too-many-requests' });
    expect(Number(locked.headers['retry-after'])).toBe(60 * 60);
  });

  it('pauses a personnummer for a while when guesses come from many addresses, then lets the owner in', async () => {
    const pnr = citizens.singleGuardian.personnummer;
    await accountWithKnownPassword(pnr, '070-174 06 13');
    // Each address adds its five free failures; the twentieth in all starts a pause for everyone.
    for (let a = 0; a < 4; a++) {
      const guesser = client();
      for (let i = 0; i < 5; i++) {
        expect((await guesser.post('/api/auth/password', { personnummer: pnr, password: `y-${i}` })).statusCode).toBe(
          401,
        );
      }
    }
    const paused = await client().post('/api/auth/password', { personnummer: pnr, password: PASSWORD });
    expect(problem(paused)).toEqual({ status: 429, code: 'too-many-requests' });
    now += Number(paused.headers['retry-after']) * 1000;
    const owner = client();
    expect((await owner.post('/api/auth/password', { personnummer: pnr, password: PASSWORD })).statusCode).toBe(200);
    expect((await owner.post('/api/auth/password/code', { code: await latestCode() })).statusCode).toBe(200);
  });

  it('stops one address guessing across many personnummer', async () => {
    const c = client();
    const answers: number[] = [];
    for (let i = 0; i < 21; i++) {
      const personnummer = makePersonnummer({ birthDate: '1980-01-01', sex: 'female', sequence: 100 + i });
      answers.push((await c.post('/api/auth/password', { personnummer, password: 'guess' })).statusCode);
    }
    expect(answers.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(answers[20]).toBe(429);
  });

  it('replaces a session the browser had when the code is accepted (no fixation)', async () => {
    const pnr = citizens.protectedGuardian.personnummer;
    await accountWithKnownPassword(pnr);
    const c = client();
    c.cookies.kontakta_session = 'planted-by-someone-else';
    await c.post('/api/auth/password', { personnummer: pnr, password: PASSWORD });
    await c.post('/api/auth/password/code', { code: await latestCode() });
    expect(c.cookies.kontakta_session).not.toBe('planted-by-someone-else');
    expect((await c.get('/api/session')).statusCode).toBe(200);
  });
});
