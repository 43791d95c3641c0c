import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { demoPersonas } from '../registers/index.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../testing/test-databases.ts';
import { demoRegisters } from '../testing/test-registers.ts';
import { loginTestCitizen, type TestLogin } from '../testing/test-sessions.ts';
import { MAX_SESSIONS_PER_CITIZEN } from '../use-cases/sessions/start-session.ts';
import { buildApp } from './app.ts';

/** Logging out, over HTTPS as in production: what the browser is told, and the other sessions. */
describe.each(DIALECTS)('logging out on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let now = Date.now();
  const config = loadConfig({
    KONTAKTA_DEMO: 'true',
    KONTAKTA_PUBLIC_URL: 'https://kontakta.region.example',
    KONTAKTA_LOG_LEVEL: 'silent',
  });
  const personas = demoPersonas(new Date());
  const login = () => {
    now += 1000;
    return loginTestCitizen(database, config, { personnummer: personas.citizens.adult.personnummer }, now);
  };
  const sessionOf = (who: TestLogin) => app.inject({ url: '/api/session', cookies: who.cookies });

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await buildApp({ config, database, clock: () => now, registers: demoRegisters() });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('clears the site data and the cookie with the attributes it was set with', async () => {
    const me = await login();
    const logout = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      cookies: me.cookies,
      headers: me.headers,
    });
    expect(logout.statusCode).toBe(204);
    expect(logout.headers['clear-site-data']).toBe('"cache", "cookies", "storage"');
    const cleared = String(logout.headers['set-cookie']);
    expect(cleared).toMatch(/^__Host-kontakta_session=;/);
    for (const attribute of ['Path=/', 'HttpOnly', 'Secure', 'SameSite=Lax', 'Expires=Thu, 01 Jan 1970']) {
      expect(cleared).toContain(attribute);
    }
    expect((await sessionOf(me)).statusCode).toBe(401);
  });

  it('"log out everywhere else" ends the other sessions and keeps this one', async () => {
    const [phone, laptop, tablet] = [await login(), await login(), await login()];
    const someoneElse = await loginTestCitizen(
      database,
      config,
      { personnummer: personas.citizens.tolvan.personnummer },
      now,
    );
    const others = await app.inject({
      method: 'DELETE',
      url: '/api/session/others',
      cookies: laptop.cookies,
      headers: laptop.headers,
    });
    expect(others.statusCode).toBe(200);
    expect(others.json()).toEqual({ ended: 2 });
    expect((await sessionOf(laptop)).statusCode).toBe(200);
    expect((await sessionOf(phone)).statusCode).toBe(401);
    expect((await sessionOf(tablet)).statusCode).toBe(401);
    // Nobody else's session is touched.
    expect((await sessionOf(someoneElse)).statusCode).toBe(200);
  });

  it('"log out everywhere else" needs a session and its CSRF token', async () => {
    expect((await app.inject({ method: 'DELETE', url: '/api/session/others' })).statusCode).toBe(401);
    const me = await login();
    const noToken = await app.inject({ method: 'DELETE', url: '/api/session/others', cookies: me.cookies });
    expect(noToken.statusCode).toBe(403);
    expect((await sessionOf(me)).statusCode).toBe(200);
  });

  it(`keeps at most ${MAX_SESSIONS_PER_CITIZEN} sessions per citizen: a new login ends the oldest`, async () => {
    const logins: TestLogin[] = [];
    for (let i = 0; i < MAX_SESSIONS_PER_CITIZEN + 2; i++) logins.push(await login());
    const alive: number[] = [];
    for (const [index, each] of logins.entries()) if ((await sessionOf(each)).statusCode === 200) alive.push(index);
    expect(alive).toEqual([2, 3, 4, 5, 6]);
  });
});
