import { RETURN_PATH_MAX_LENGTH } from '@kontakta/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devSubject } from '../../dev-idp/dev-identities.ts';
import { demoPersonas } from '../../registers/index.ts';
import { BrowserClient } from '../../testing/browser-client.ts';
import { eidLogin } from '../../testing/eid-test-login.ts';
import { type LoginTestServer, startLoginTestServer } from '../../testing/login-test-server.ts';
import { DIALECTS } from '../../testing/test-databases.ts';

const TOLVAN = demoPersonas(new Date()).citizens.tolvan.personnummer;

// A bookmark or a notification's link survives the e-ID login: the page goes with the login flow
// on the server and the callback sends the citizen there. Never an open redirect: anything but a
// safe same-site path ends on the start page.
describe.each(DIALECTS)('the page to return to after a citizen e-ID login on %s', (dialect) => {
  let server: LoginTestServer;
  beforeAll(async () => {
    server = await startLoginTestServer(dialect);
  });
  afterAll(async () => {
    await server?.close();
  });

  const start = (returnTo: string) => `/api/auth/eid/start?returnTo=${encodeURIComponent(returnTo)}`;
  const landAfterLogin = async (returnTo: string) => {
    const { landing } = await eidLogin(new BrowserClient(server.url), start(returnTo), { subject: devSubject(TOLVAN) });
    expect(landing.origin).toBe(new URL(server.url).origin);
    return `${landing.pathname}${landing.search}`;
  };
  const storedReturnPaths = async () =>
    (await server.database.db.selectFrom('login_flow').select('return_path').execute()).map((row) => row.return_path);

  it.each(['/arenden/01JEXAMPLE0000000000000000', '/mottagningar?q=solgl%C3%A4ntan', '/installningar'])(
    'lands on %s',
    async (path) => {
      expect(await landAfterLogin(path)).toBe(path);
    },
  );

  it.each([
    ['another site by a protocol-relative address', '//evil.example'],
    ['another site by a protocol-relative address with a path', '//evil.example/arenden/1'],
    ['another site by an absolute address', 'https://evil.example'],
    ['another site by a backslash', '/\\evil.example'],
    ['another site by a tab and slash', '/\t/evil.example'],
    ['a script address', 'javascript:alert(1)'],
    ['the API', '/api/session'],
    ['a path that is too long', `/arenden/${'a'.repeat(RETURN_PATH_MAX_LENGTH)}`],
  ])('ignores %s and lands on the start page', async (_what, path) => {
    expect(await landAfterLogin(path)).toBe('/');
  });

  it('keeps only a safe path with the flow, and nothing of it in the provider address', async () => {
    await server.database.db.deleteFrom('login_flow').execute();
    const good = await new BrowserClient(server.url).request(start('/arenden/42'));
    expect(good.status).toBe(303);
    expect(good.location).not.toContain('arenden');
    const bad = await new BrowserClient(server.url).request(start('//evil.example'));
    expect(bad.status).toBe(303);
    expect(bad.location).not.toContain('evil');
    expect((await storedReturnPaths()).sort()).toEqual(['/arenden/42', null].sort());
  });

  it('refuses an unknown parameter or a return path beyond any page length with 400', async () => {
    expect((await new BrowserClient(server.url).request(`${start('/')}&other=1`)).status).toBe(400);
    expect((await new BrowserClient(server.url).request(start(`/${'a'.repeat(3000)}`))).status).toBe(400);
  });

  it('without a return path, lands on the start page as before', async () => {
    const { landing } = await eidLogin(new BrowserClient(server.url), '/api/auth/eid/start', {
      subject: devSubject(TOLVAN),
    });
    expect(`${landing.pathname}${landing.search}`).toBe('/');
  });
});
