import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devSubject, loadDevIdentities, TEST_IDENTITY_SUBJECTS } from '../../dev-idp/dev-identities.ts';
import { SWEDISH_LOA } from '../../identity/assurance-level.ts';
import { demoPersonas } from '../../registers/index.ts';
import { BrowserClient } from '../../testing/browser-client.ts';
import { eidLogin } from '../../testing/eid-test-login.ts';
import { type LoginTestServer, startLoginTestServer } from '../../testing/login-test-server.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { demoRegisters } from '../../testing/test-registers.ts';

// The level of assurance over the real OpenID Connect flow: the development provider issues
// level 3 (BankID, Freja+) unless the chosen identity is the basic Freja eID (level 2).

const { staff } = demoPersonas(new Date());

describe.each(DIALECTS)('the e-ID’s level of assurance on %s', (dialect) => {
  let server: LoginTestServer;
  let strict: LoginTestServer;
  let weakPersonnummer: string;
  beforeAll(async () => {
    server = await startLoginTestServer(dialect);
    // An installation that asks more of citizens (level 4 only) and names the staff's levels apart.
    strict = await startLoginTestServer(dialect, {
      KONTAKTA_OIDC_ACCEPTED_ACR: SWEDISH_LOA.loa4,
      KONTAKTA_STAFF_OIDC_ACCEPTED_ACR: `${SWEDISH_LOA.loa3}, ${SWEDISH_LOA.loa2}`,
    });
    const identities = await loadDevIdentities(
      { registerDir: server.config.registerDir, registers: demoRegisters(), personnummerClaim: 'personal_number' },
      new Date(),
    );
    const weak = identities.find((i) => i.subject === TEST_IDENTITY_SUBJECTS.basicFreja);
    weakPersonnummer = weak?.claims.personal_number as string;
  });
  afterAll(async () => {
    await server?.close();
    await strict?.close();
  });
  const events = (s: LoginTestServer) => s.database.db.selectFrom('login_event').selectAll().execute();

  it('asks the provider for the accepted levels, in the authorization request', async () => {
    const authorize = new URL((await new BrowserClient(server.url).request('/api/auth/eid/start')).location as string);
    expect(authorize.searchParams.get('acr_values')).toBe(`${SWEDISH_LOA.loa3} ${SWEDISH_LOA.loa4}`);
    const staffAuthorize = new URL(
      (await new BrowserClient(strict.url).request('/api/auth/staff/start')).location as string,
    );
    expect(staffAuthorize.searchParams.get('acr_values')).toBe(`${SWEDISH_LOA.loa3} ${SWEDISH_LOA.loa2}`);
  });

  it('refuses basic Freja (level 2) with its own reason, though the same person gets in with BankID', async () => {
    expect(weakPersonnummer).toMatch(/^\d{12}$/);
    const b = new BrowserClient(server.url);
    const { page, landing } = await eidLogin(b, '/api/auth/eid/start', { subject: TEST_IDENTITY_SUBJECTS.basicFreja });
    expect(page.body).toContain('Freja eID utan ID-kontroll (tillitsnivå 2): nekas');
    expect(landing.pathname).toBe('/inloggning/nekad');
    expect([...landing.searchParams]).toEqual([['orsak', 'insufficient-assurance']]);
    expect((await b.request('/api/session')).status).toBe(401);
    expect(await events(server)).toContainEqual(
      expect.objectContaining({
        audience: 'citizen',
        method: 'eid',
        result: 'refused',
        reason: 'insufficient-assurance',
        municipality_code: null,
      }),
    );
    // Nobody was logged in or saved: the claims of a weak e-ID are not acted on.
    const saved = await server.database.db
      .selectFrom('citizen')
      .select('id')
      .where('personnummer', '=', weakPersonnummer)
      .execute();
    expect(saved).toEqual([]);
    // The operator's log says which level came, and nothing about the person.
    const line = server.logLines.find((l) => l.includes('insufficient-assurance'));
    expect(line).toContain(`acr:${SWEDISH_LOA.loa2}`);
    expect(server.logLines.join('\n')).not.toContain(weakPersonnummer);

    const withBankId = new BrowserClient(server.url);
    const { landing: home } = await eidLogin(withBankId, '/api/auth/eid/start', {
      subject: devSubject(weakPersonnummer),
    });
    expect(home.pathname).toBe('/');
    expect((await withBankId.request('/api/session')).status).toBe(200);
  });

  it('refuses staff with basic Freja too, on the staff’s refusal page', async () => {
    const b = new BrowserClient(server.url);
    const { landing } = await eidLogin(b, '/api/auth/staff/start', { subject: TEST_IDENTITY_SUBJECTS.basicFreja });
    expect(landing.pathname).toBe('/personal/inloggning/nekad');
    expect(landing.search).toBe('?orsak=insufficient-assurance');
    expect(await events(server)).toContainEqual(
      expect.objectContaining({ audience: 'staff', result: 'refused', reason: 'insufficient-assurance' }),
    );
  });

  it('holds each audience to its own configured list: level 3 is too low where only level 4 is accepted', async () => {
    const citizen = new BrowserClient(strict.url);
    const { landing } = await eidLogin(citizen, '/api/auth/eid/start', { subject: devSubject(weakPersonnummer) });
    expect(landing.search).toBe('?orsak=insufficient-assurance');
    expect((await citizen.request('/api/session')).status).toBe(401);

    // The staff's own list accepts level 2 here: basic Freja passes the level and is refused only
    // for what follows (that citizen has no commission), while a staff member gets in with level 3.
    const { landing: weakStaff } = await eidLogin(new BrowserClient(strict.url), '/api/auth/staff/start', {
      subject: TEST_IDENTITY_SUBJECTS.basicFreja,
    });
    expect(weakStaff.search).toBe('?orsak=no-commission');
    const member = new BrowserClient(strict.url);
    const { landing: staffHome } = await eidLogin(member, '/api/auth/staff/start', {
      subject: devSubject(staff.receiver.personnummer),
    });
    expect(staffHome.pathname).toBe('/personal');
    expect(await events(strict)).toContainEqual(
      expect.objectContaining({ audience: 'citizen', result: 'refused', reason: 'insufficient-assurance' }),
    );
  });
});
