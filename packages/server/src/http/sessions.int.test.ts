import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { demoPersonas } from '../registers/index.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../testing/test-databases.ts';
import { demoRegisters } from '../testing/test-registers.ts';
import { loginTestCitizen, loginTestStaff } from '../testing/test-sessions.ts';
import { syncOrganisation } from '../use-cases/organisation/sync-organisation.ts';
import { hashSessionToken } from '../use-cases/sessions/session-tokens.ts';
import { startSession } from '../use-cases/sessions/start-session.ts';
import { buildApp } from './app.ts';

const MINUTE = 60_000;

describe.each(DIALECTS)('sessions on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let now = Date.UTC(2026, 10, 22, 9, 0);
  const config = loadConfig({ KONTAKTA_DEMO: 'true', KONTAKTA_LOG_LEVEL: 'silent' });

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await buildApp({ config, database, clock: () => now, registers: demoRegisters() });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('refuses /api/session without a cookie or with an unknown one (401)', async () => {
    expect((await app.inject('/api/session')).statusCode).toBe(401);
    const forged = await app.inject({ url: '/api/session', cookies: { kontakta_session: 'made-up' } });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe('not-authenticated');
  });

  it('describes a live session, never cached', async () => {
    const login = await loginTestCitizen(database, config, { personnummer: '191212121212' }, now);
    const response = await app.inject({ url: '/api/session', cookies: login.cookies });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toMatchObject({ kind: 'citizen', csrfToken: login.headers['x-csrf-token'], roles: [] });
    expect(response.body).not.toContain('191212121212');
  });

  it('stores only a hash of the token', async () => {
    const login = await loginTestCitizen(database, config, { personnummer: '191212121212' }, now);
    const rows = await database.db.selectFrom('session').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).toContain(hashSessionToken(login.token));
    expect(rows.map((r) => r.token_hash)).not.toContain(login.token);
  });

  it('ends after 60 minutes without activity, and activity keeps it alive', async () => {
    const login = await loginTestCitizen(database, config, { personnummer: '191212121212' }, now);
    const ask = () => app.inject({ url: '/api/session', cookies: login.cookies });
    now += 50 * MINUTE;
    expect((await ask()).statusCode).toBe(200);
    now += 50 * MINUTE; // 100 minutes after login, 50 after the last request
    expect((await ask()).statusCode).toBe(200);
    now += 60 * MINUTE;
    expect((await ask()).statusCode).toBe(401);
    now += 1;
    expect((await ask()).statusCode).toBe(401);
  });

  it('ends 12 hours after login however active', async () => {
    const login = await loginTestCitizen(database, config, { personnummer: '191212121212' }, now);
    for (let i = 0; i < 12 * 2 - 1; i++) {
      now += 30 * MINUTE;
      expect((await app.inject({ url: '/api/session', cookies: login.cookies })).statusCode).toBe(200);
    }
    now += 30 * MINUTE;
    expect((await app.inject({ url: '/api/session', cookies: login.cookies })).statusCode).toBe(401);
  });

  it('logout deletes the session server-side', async () => {
    const login = await loginTestCitizen(database, config, { personnummer: '191212121212' }, now);
    const logout = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      cookies: login.cookies,
      headers: login.headers,
    });
    expect(logout.statusCode).toBe(204);
    expect(String(logout.headers['set-cookie'])).toMatch(/kontakta_session=;/);
    // Replaying the old cookie does not work.
    expect((await app.inject({ url: '/api/session', cookies: login.cookies })).statusCode).toBe(401);
  });

  it('refuses a state change without the CSRF token, or from another origin', async () => {
    const login = await loginTestCitizen(database, config, { personnummer: '191212121212' }, now);
    const noToken = await app.inject({ method: 'DELETE', url: '/api/session', cookies: login.cookies });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('csrf-check-failed');
    const wrongToken = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      cookies: login.cookies,
      headers: { 'x-csrf-token': 'guess' },
    });
    expect(wrongToken.statusCode).toBe(403);
    const otherOrigin = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      cookies: login.cookies,
      headers: { ...login.headers, origin: 'https://evil.example' },
    });
    expect(otherOrigin.statusCode).toBe(403);
    // None of those ended the session.
    expect((await app.inject({ url: '/api/session', cookies: login.cookies })).statusCode).toBe(200);
  });

  it('gives a new session id at login and drops the one the browser had (no fixation)', async () => {
    const planted = await loginTestCitizen(database, config, { personnummer: '191212121212' }, now);
    const citizen = await database.db.selectFrom('citizen').select('id').executeTakeFirstOrThrow();
    const fresh = await startSession(
      database,
      config.session,
      now,
      { kind: 'citizen', citizenId: citizen.id, loginMethod: 'eid' },
      planted.token,
    );
    expect(fresh.token).not.toBe(planted.token);
    expect((await app.inject({ url: '/api/session', cookies: planted.cookies })).statusCode).toBe(401);
  });

  it('carries a staff member’s chosen unit and the roles the catalogue gives there', async () => {
    const nurse = demoPersonas(new Date()).staff.nurse;
    await syncOrganisation(database, demoRegisters(), now);
    const login = await loginTestStaff(
      database,
      config,
      // The session was made with one role; the catalogue gives the nurse two at this unit.
      { hsaId: nurse.hsaId, unitHsaId: nurse.unitHsaId, roles: ['caregiver'] },
      now,
    );
    const response = await app.inject({ url: '/api/session', cookies: login.cookies });
    expect(response.json()).toMatchObject({
      kind: 'staff',
      unitHsaId: nurse.unitHsaId,
      roles: expect.arrayContaining(['receiver', 'caregiver']),
    });
  });
});
