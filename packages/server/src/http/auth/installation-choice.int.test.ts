import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoRegister, createFileRegister, demoPersonas } from '../../registers/index.ts';
import { type Client, client, createErrandFixture, type ErrandFixture } from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { logInStaff } from '../../use-cases/login/log-in-staff.ts';

// Issue 16: someone the catalogue gives both the installation-administrator role and commissions
// at units goes from a unit back to the whole installation's statistics in the same list where
// units are chosen, without logging in again; the switch is refused (404) to anyone the catalogue
// does not give the role, and the login is still counted once, at the first unit it worked at.

const personas = demoPersonas(new Date());
/** The demo's unit administrator, given the installation role as well. */
const both = personas.staff.unitAdministrator;

describe.each(DIALECTS)('going back to the installation on %s', (dialect) => {
  let f: ErrandFixture;

  beforeAll(async () => {
    const register = buildDemoRegister(new Date());
    const employee = register.hsa.employees.find((e) => e.hsaId === both.hsaId);
    if (!employee) throw new Error('the unit administrator is not in the catalogue');
    employee.installationRoles = ['installation-administrator'];
    f = await createErrandFixture(dialect, { registers: createFileRegister(register) });
  });
  afterAll(async () => f?.close());

  /** The client of the session a choice replaced the old one with (new cookie, new CSRF token). */
  function renewed(response: LightMyRequestResponse, before: Client): Client {
    const cookie = response.cookies.find((c) => c.name.endsWith('kontakta_session'));
    if (!cookie) throw new Error(`no new session: ${response.statusCode} ${response.body}`);
    return client(f.app, {
      cookies: { [cookie.name]: cookie.value },
      headers: { ...before.login.headers, 'x-csrf-token': (response.json() as { csrfToken: string }).csrfToken },
      token: cookie.value,
    });
  }

  /** A real login through the use case the e-ID callback calls, as its cookie and CSRF token. */
  async function logIn(personnummer: string): Promise<{ session: Client; next: string }> {
    const outcome = await logInStaff(f.services, { personnummerClaim: personnummer, previousSessionToken: undefined });
    if (!outcome.ok) throw new Error(`login refused: ${outcome.reason}`);
    const name = f.config.publicUrl.startsWith('https:') ? '__Host-kontakta_session' : 'kontakta_session';
    const login = {
      cookies: { [name]: outcome.session.token },
      headers: { 'x-csrf-token': outcome.session.csrfToken },
      token: outcome.session.token,
    };
    return { session: client(f.app, login), next: outcome.next };
  }

  const statistics = (who: Client, extra = '') =>
    who.get(`/api/staff/statistics?from=2026-10-01&to=2026-10-31${extra}`);

  /** Staff logins counted at a unit: folded into the rollup, or still waiting to be (stat_pending). */
  async function staffLoginsAt(unit: string): Promise<number> {
    const { db } = f.database;
    const folded = await db
      .selectFrom('stat_rollup')
      .select(sql<number>`coalesce(sum(count), 0)`.as('count'))
      .where('measure', '=', 'staff-login')
      .where('level', '=', 'unit')
      .where('place', '=', unit)
      .where('grain', '=', 'day')
      .executeTakeFirstOrThrow();
    const pending = await db
      .selectFrom('stat_pending')
      .select(sql<number>`count(*)`.as('count'))
      .where('measure', '=', 'staff-login')
      .where('unit_hsa_id', '=', unit)
      .executeTakeFirstOrThrow();
    return Number(folded.count) + Number(pending.count);
  }

  /** The login event rows that name the unit as where a staff login started work. */
  async function loginRowsAt(unit: string): Promise<number> {
    const rows = await f.database.db
      .selectFrom('login_event')
      .select('id')
      .where('audience', '=', 'staff')
      .where('unit_hsa_id', '=', unit)
      .execute();
    return rows.length;
  }

  it('goes from a unit back to the whole installation and to a unit again, without a new login', async () => {
    const unit = both.unitHsaId as string;
    const countedBefore = await staffLoginsAt(unit);
    const rowsBefore = await loginRowsAt(unit);
    const { session: first, next } = await logIn(both.personnummer);
    // Units and the installation to choose from: the chooser first, over the installation meanwhile.
    expect(next).toBe('choose-unit');
    const offered = (await first.get('/api/auth/units')).json();
    expect(offered).toMatchObject({ current: null, currentRegion: null, installation: true });
    expect(offered.units.map((u: { hsaId: string }) => u.hsaId)).toContain(unit);
    expect((await statistics(first)).json().scope).toMatchObject({ kind: 'all' });

    // At the unit: the unit's work and statistics, and nothing of the installation's.
    const chosen = await first.post('/api/auth/unit', { unitHsaId: unit });
    expect(chosen.statusCode, chosen.body).toBe(200);
    const atUnit = renewed(chosen, first);
    expect((await atUnit.get('/api/session')).json()).toMatchObject({ unitHsaId: unit, regionCode: null });
    expect((await atUnit.get('/api/session')).json().roles).not.toContain('installation-administrator');
    const unitStatistics = (await statistics(atUnit)).json();
    expect(unitStatistics.scope).toMatchObject({ kind: 'unit', key: unit });
    expect(unitStatistics.regions).toEqual([]);
    const someRegion = (await f.registers.listRegions())[0]?.code;
    expect((await statistics(atUnit, `&region=${someRegion}`)).statusCode).toBe(404);
    expect((await atUnit.get('/api/auth/units')).json()).toMatchObject({ current: unit, installation: true });

    // Back to the installation with the same login: everything again, the unit's work closed.
    const back = await atUnit.post('/api/auth/installation');
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({
      kind: 'staff',
      unitHsaId: null,
      regionCode: null,
      roles: ['installation-administrator'],
    });
    const installation = renewed(back, atUnit);
    const all = await statistics(installation, '&breakdown=region');
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().scope).toMatchObject({ kind: 'all' });
    expect(all.json().regions.length).toBeGreaterThan(1);
    expect((await installation.get('/api/auth/units')).json()).toMatchObject({
      current: null,
      currentRegion: null,
      installation: true,
    });
    expect([403, 404]).toContain((await installation.get('/api/staff/inbox')).statusCode);
    // The session it replaced is gone (a new id at every choice).
    expect((await atUnit.get('/api/session')).statusCode).toBe(401);

    // And to the unit again: still the same login, so it is counted at the unit once, not twice.
    const again = await installation.post('/api/auth/unit', { unitHsaId: unit });
    expect(again.statusCode, again.body).toBe(200);
    expect((await statistics(renewed(again, installation))).json().scope).toMatchObject({ kind: 'unit', key: unit });
    expect(await staffLoginsAt(unit)).toBe(countedBefore + 1);
    expect(await loginRowsAt(unit)).toBe(rowsBefore + 1);
  });

  it('refuses the switch to anyone the catalogue does not give the role (404), strangers (401), without CSRF (403)', async () => {
    // A receiver with one unit, logged in for real: no installation to choose, and the session stays.
    const { session: receiver } = await logIn(personas.staff.receiver.personnummer);
    expect((await receiver.get('/api/auth/units')).json()).toMatchObject({ installation: false });
    const refused = await receiver.post('/api/auth/installation');
    expect(refused.statusCode, refused.body).toBe(404);
    expect((await receiver.get('/api/session')).json()).toMatchObject({ unitHsaId: personas.staff.receiver.unitHsaId });
    // A regional administrator has a region, not the installation.
    const regional = await f.staffWithRoles(personas.staff.regionAdministrator.hsaId, null as never, []);
    expect((await regional.post('/api/auth/installation')).statusCode).toBe(404);
    // A session that claims the role without the catalogue giving it is not let through either.
    const pretender = await f.staffWithRoles(personas.staff.doctor.hsaId, personas.staff.doctor.unitHsaId as string, [
      'installation-administrator' as never,
    ]);
    expect((await pretender.post('/api/auth/installation')).statusCode).toBe(404);
    const citizen = await f.citizen(personas.citizens.adult.personnummer);
    expect((await citizen.post('/api/auth/installation')).statusCode).toBe(404);
    expect((await f.app.inject({ method: 'POST', url: '/api/auth/installation' })).statusCode).toBe(401);
    // Without the CSRF token the session is not switched.
    const { session } = await logIn(both.personnummer);
    const noCsrf = await f.app.inject({
      method: 'POST',
      url: '/api/auth/installation',
      cookies: session.login.cookies,
    });
    expect(noCsrf.statusCode).toBe(403);
  });
});
