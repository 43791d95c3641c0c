import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devSubject } from '../../dev-idp/dev-identities.ts';
import { demoPersonas } from '../../registers/index.ts';
import { BrowserClient } from '../../testing/browser-client.ts';
import { eidLogin } from '../../testing/eid-test-login.ts';
import { type LoginTestServer, startLoginTestServer } from '../../testing/login-test-server.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { demoRegisters } from '../../testing/test-registers.ts';

const { staff, citizens } = demoPersonas(new Date());

describe.each(DIALECTS)('staff e-ID login through the development provider on %s', (dialect) => {
  let server: LoginTestServer;
  beforeAll(async () => {
    server = await startLoginTestServer(dialect);
  });
  afterAll(async () => {
    await server?.close();
  });
  const browser = () => new BrowserClient(server.url);
  const sessionOf = async (b: BrowserClient) => JSON.parse((await b.request('/api/session')).body);

  it('logs a staff member with one unit straight in, with the catalogue’s roles there', async () => {
    const b = browser();
    const { landing } = await eidLogin(b, '/api/auth/staff/start', {
      subject: devSubject(staff.receiver.personnummer),
    });
    expect(landing.pathname).toBe('/personal');
    expect(await sessionOf(b)).toMatchObject({
      kind: 'staff',
      unitHsaId: staff.receiver.unitHsaId,
      roles: ['receiver'],
    });
    const member = await server.database.db
      .selectFrom('staff_member')
      .selectAll()
      .where('hsa_id', '=', staff.receiver.hsaId)
      .executeTakeFirst();
    expect(member?.profession).toBeTruthy();
    const events = await server.database.db
      .selectFrom('login_event')
      .selectAll()
      .where('audience', '=', 'staff')
      .execute();
    expect(events).toContainEqual(expect.objectContaining({ method: 'eid', result: 'success' }));
  });

  it('lets someone with several units choose one, and switch, with a new session each time', async () => {
    const b = browser();
    const { landing } = await eidLogin(b, '/api/auth/staff/start', { subject: devSubject(staff.nurse.personnummer) });
    expect(landing.pathname).toBe('/personal/valj-mottagning');
    const before = await sessionOf(b);
    expect(before).toMatchObject({ kind: 'staff', unitHsaId: null, roles: [] });

    const units = JSON.parse((await b.request('/api/auth/units')).body);
    expect(units.current).toBeNull();
    expect(units.units).toHaveLength(2);
    const home = units.units.find((u: { hsaId: string }) => u.hsaId === staff.nurse.unitHsaId);
    expect(home.roles.sort()).toEqual(['caregiver', 'receiver']);
    const other = units.units.find((u: { hsaId: string }) => u.hsaId !== staff.nurse.unitHsaId);

    // A state change: CSRF token required.
    expect((await b.request('/api/auth/unit', { json: { unitHsaId: home.hsaId } })).status).toBe(403);
    const oldToken = b.cookie('kontakta_session') as string;
    const chosen = await b.request('/api/auth/unit', {
      json: { unitHsaId: home.hsaId },
      headers: { 'x-csrf-token': before.csrfToken },
    });
    expect(chosen.status).toBe(200);
    const after = JSON.parse(chosen.body);
    expect(after).toMatchObject({ kind: 'staff', unitHsaId: home.hsaId, expiresAt: before.expiresAt });
    expect(after.roles.sort()).toEqual(['caregiver', 'receiver']);
    expect(after.csrfToken).not.toBe(before.csrfToken);
    expect(b.cookie('kontakta_session')).not.toBe(oldToken);
    const stale = browser();
    stale.setCookie('kontakta_session', oldToken);
    expect((await stale.request('/api/session')).status).toBe(401);

    const switched = await b.request('/api/auth/unit', {
      json: { unitHsaId: other.hsaId },
      headers: { 'x-csrf-token': after.csrfToken },
    });
    expect(JSON.parse(switched.body)).toMatchObject({ unitHsaId: other.hsaId, roles: ['caregiver'] });
  });

  it('hides units the person has no commission at, and refuses citizens there', async () => {
    const b = browser();
    await eidLogin(b, '/api/auth/staff/start', { subject: devSubject(staff.doctor.personnummer) });
    const { csrfToken } = await sessionOf(b);
    const units = await demoRegisters().listCareUnits();
    const notTheirs = units.find((u) => u.hsaId !== staff.doctor.unitHsaId)?.hsaId as string;
    for (const unitHsaId of [notTheirs, 'SE2321000016-NONE']) {
      const refused = await b.request('/api/auth/unit', {
        json: { unitHsaId },
        headers: { 'x-csrf-token': csrfToken },
      });
      expect(refused.status).toBe(404);
    }
    expect((await sessionOf(b)).unitHsaId).toBe(staff.doctor.unitHsaId);

    const citizen = browser();
    await eidLogin(citizen, '/api/auth/eid/start', { subject: devSubject(citizens.adult.personnummer) });
    expect((await citizen.request('/api/auth/units')).status).toBe(404);
    expect((await browser().request('/api/auth/units')).status).toBe(401);
  });

  it('refuses a person without a commission in the HSA catalogue', async () => {
    const b = browser();
    const { landing } = await eidLogin(b, '/api/auth/staff/start', {
      subject: devSubject(citizens.tolvan.personnummer),
    });
    expect(landing.pathname).toBe('/personal/inloggning/nekad');
    expect(landing.search).toBe('?orsak=no-commission');
    expect((await b.request('/api/session')).status).toBe(401);
  });
});
