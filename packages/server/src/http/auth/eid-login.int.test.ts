import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devSubject, TEST_IDENTITY_SUBJECTS } from '../../dev-idp/dev-identities.ts';
import { demoPersonas } from '../../registers/index.ts';
import { BrowserClient } from '../../testing/browser-client.ts';
import { eidLogin } from '../../testing/eid-test-login.ts';
import { type LoginTestServer, startLoginTestServer } from '../../testing/login-test-server.ts';
import { DIALECTS } from '../../testing/test-databases.ts';

const personas = demoPersonas(new Date()).citizens;
const TOLVAN = personas.tolvan.personnummer;

describe.each(DIALECTS)('citizen e-ID login through the development provider on %s', (dialect) => {
  let server: LoginTestServer;
  beforeAll(async () => {
    server = await startLoginTestServer(dialect);
  });
  afterAll(async () => {
    await server?.close();
  });
  const browser = () => new BrowserClient(server.url);
  const events = () =>
    server.database.db.selectFrom('login_event').selectAll().where('audience', '=', 'citizen').execute();

  it('runs the whole code flow with PKCE, state and nonce over real redirects, and keys the citizen by personnummer', async () => {
    const b = browser();
    const { page, landing } = await eidLogin(b, '/api/auth/eid/start', { subject: devSubject(TOLVAN) });

    // What Kontakta sends the browser to the provider with (a fresh start, to look at it).
    const authorize = new URL((await browser().request('/api/auth/eid/start')).location as string);
    expect(authorize.pathname).toBe('/dev-idp/auth');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(authorize.searchParams.get('prompt')).toBe('login');
    expect(authorize.href).not.toContain(TOLVAN);

    // Like a test BankID: pick a person, type nothing; no script, a strict policy.
    expect(page.status).toBe(200);
    expect(page.body).toContain('Tolvan Tolvansson');
    expect(page.body).toContain('Personal (SITHS)');
    expect(page.body).not.toMatch(/<script|style=|<input[^>]+type="text"/i);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");

    expect(landing.pathname).toBe('/');
    const session = await b.request('/api/session');
    expect(session.status).toBe(200);
    expect(JSON.parse(session.body)).toMatchObject({ kind: 'citizen', unitHsaId: null });

    const citizen = await server.database.db
      .selectFrom('citizen')
      .selectAll()
      .where('personnummer', '=', TOLVAN)
      .executeTakeFirstOrThrow();
    expect(citizen).toMatchObject({ given_name: 'Tolvan', family_name: 'Tolvansson' });
    expect(citizen.last_login_at).toBeGreaterThan(0);

    // A second login finds the same citizen: the provider's sub is a pseudonym, the key is the personnummer.
    await eidLogin(browser(), '/api/auth/eid/start', { subject: devSubject(TOLVAN) });
    const rows = await server.database.db
      .selectFrom('citizen')
      .select('id')
      .where('personnummer', '=', TOLVAN)
      .execute();
    expect(rows).toEqual([{ id: citizen.id }]);

    expect(await events()).toContainEqual(expect.objectContaining({ method: 'eid', result: 'success', reason: null }));
  });

  it.each([
    ['a foreign e-ID without a personnummer', TEST_IDENTITY_SUBJECTS.foreign, 'no-personnummer'],
    ['a coordination number', TEST_IDENTITY_SUBJECTS.coordinationNumber, 'coordination-number'],
    [
      'the register’s coordination-number holder',
      devSubject(personas.coordinationNumber.personnummer),
      'coordination-number',
    ],
    ['a reserve number', TEST_IDENTITY_SUBJECTS.reserveNumber, 'reserve-number'],
    [
      'a personnummer the population register does not know',
      TEST_IDENTITY_SUBJECTS.notInRegister,
      'not-in-population-register',
    ],
  ])('refuses %s with a clear page and no session', async (_name, subject, reason) => {
    const b = browser();
    const { landing } = await eidLogin(b, '/api/auth/eid/start', { subject });
    expect(landing.pathname).toBe('/inloggning/nekad');
    expect([...landing.searchParams]).toEqual([['orsak', reason]]);
    expect((await b.request('/api/session')).status).toBe(401);
    expect(await events()).toContainEqual(expect.objectContaining({ method: 'eid', result: 'refused', reason }));
  });

  it('says so when the person cancels at the provider', async () => {
    const { landing } = await eidLogin(browser(), '/api/auth/eid/start', { cancel: true });
    expect(landing.search).toBe('?orsak=cancelled');
  });

  it('refuses an answer from the provider that this browser did not ask for, or asks for twice', async () => {
    const victim = browser();
    const { last: page } = await victim.follow(await victim.request('/api/auth/eid/start'));
    const action = /action="([^"]+)\/login"/.exec(page.body)?.[1] as string;
    const answer = await victim.request(`${action}/login`, { form: { identity: devSubject(TOLVAN) } });
    const { hops } = await victim.follow(answer, { stopAt: (u) => u.pathname === '/api/auth/eid/callback' });
    const callback = hops.at(-1)?.location as string;

    // Another browser (no flow cookie) presenting the code: refused.
    const attacker = browser();
    const stolen = await attacker.request(callback);
    expect(new URL(stolen.location as string).search).toBe('?orsak=expired');
    expect((await attacker.request('/api/session')).status).toBe(401);

    // A tampered state is refused too, and the flow is used up by trying.
    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'forged');
    const forged = await victim.request(tampered.href);
    expect(new URL(forged.location as string).search).toBe('?orsak=failed');
    const replay = await victim.request(callback);
    expect(new URL(replay.location as string).search).toBe('?orsak=expired');
    expect((await victim.request('/api/session')).status).toBe(401);
  });

  it('replaces a session the browser already had (no fixation) and logs out server-side', async () => {
    const b = browser();
    await eidLogin(b, '/api/auth/eid/start', { subject: devSubject(personas.adult.personnummer) });
    const planted = b.cookie('kontakta_session') as string;
    await eidLogin(b, '/api/auth/eid/start', { subject: devSubject(personas.adult.personnummer) });
    const fresh = b.cookie('kontakta_session') as string;
    expect(fresh).not.toBe(planted);
    const old = new BrowserClient(server.url);
    old.setCookie('kontakta_session', planted);
    expect((await old.request('/api/session')).status).toBe(401);

    const { csrfToken } = JSON.parse((await b.request('/api/session')).body);
    expect((await b.request('/api/session', { method: 'DELETE' })).status).toBe(403);
    const logout = await b.request('/api/session', { method: 'DELETE', headers: { 'x-csrf-token': csrfToken } });
    expect(logout.status).toBe(204);
    const replayed = new BrowserClient(server.url);
    replayed.setCookie('kontakta_session', fresh);
    expect((await replayed.request('/api/session')).status).toBe(401);
  });

  it('keeps personnummer, names and codes out of the log and out of the statistics', async () => {
    await eidLogin(browser(), '/api/auth/eid/start', { subject: devSubject(TOLVAN) });
    const log = server.logLines.join('');
    expect(log).toContain('"login"');
    expect(log).not.toContain(TOLVAN);
    expect(log).not.toContain('Tolvansson');
    expect(log).not.toMatch(/code=|state=/);
    const stored = JSON.stringify(await events());
    expect(stored).not.toContain(TOLVAN);
  });
});
