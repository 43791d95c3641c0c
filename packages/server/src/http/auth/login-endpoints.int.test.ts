import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.ts';
import { demoPersonas } from '../../registers/index.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-databases.ts';
import { demoRegisters } from '../../testing/test-registers.ts';
import { buildApp } from '../app.ts';

const { citizens } = demoPersonas(new Date());

// What an installation chooses; nothing here depends on the database, so SQLite only.
describe('login endpoints per installation', () => {
  let database: TestDatabase;
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await database.drop();
  });
  const appWith = async (env: Record<string, string>) => {
    const app = await buildApp({
      config: loadConfig({ KONTAKTA_DEMO: 'true', KONTAKTA_LOG_LEVEL: 'silent', ...env }),
      database,
      registers: demoRegisters(),
    });
    apps.push(app);
    return app;
  };

  it('rate-limits every login endpoint per client address', async () => {
    const app = await appWith({ KONTAKTA_LOGIN_RATE_LIMIT: '2' });
    const body = { personnummer: citizens.adult.personnummer, password: 'x' };
    for (const request of [
      { method: 'POST' as const, url: '/api/auth/password', payload: body },
      { method: 'POST' as const, url: '/api/auth/password/code', payload: { code: '123456' } },
      { method: 'POST' as const, url: '/api/auth/password/code/resend' },
      {
        method: 'POST' as const,
        url: '/api/auth/account',
        payload: { ...body, mobile: '0701740698', acceptTerms: true },
      },
      { method: 'GET' as const, url: '/api/auth/eid/start' },
      { method: 'GET' as const, url: '/api/auth/staff/start' },
      { method: 'GET' as const, url: '/api/auth/eid/callback?code=x&state=y' },
    ]) {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await app.inject({ ...request, remoteAddress: '10.9.9.9' })).statusCode);
      expect(statuses[2], request.url).toBe(429);
      expect((await app.inject({ ...request, remoteAddress: '10.9.9.8' })).statusCode, request.url).not.toBe(429);
    }
  });

  it('sends the browser to a clear page when the e-ID provider cannot be reached', async () => {
    const app = await appWith({
      KONTAKTA_OIDC_ISSUER: 'http://127.0.0.1:9/unreachable',
      KONTAKTA_OIDC_CLIENT_SECRET: 'x',
    });
    for (const url of ['/api/auth/eid/start', '/api/auth/staff/start']) {
      const response = await app.inject(url);
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toMatch(/\/inloggning\/nekad\?orsak=unavailable$/);
    }
    expect((await app.inject('/dev-idp/.well-known/openid-configuration')).statusCode).toBe(404);
  });

  it('offers no password login where the installation turned it off', async () => {
    const app = await appWith({ KONTAKTA_PASSWORD_LOGIN: 'false' });
    expect((await app.inject('/api/auth/methods')).json()).toEqual({
      eid: true,
      passwordAndCode: false,
      staffEid: true,
    });
    for (const url of [
      '/api/auth/account',
      '/api/auth/password',
      '/api/auth/password/code',
      '/api/auth/password/code/resend',
    ]) {
      expect((await app.inject({ method: 'POST', url, payload: {} })).statusCode, url).toBe(404);
    }
  });
});
