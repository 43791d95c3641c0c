import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { productionEnvironment } from '../testing/production-environment.ts';
import { createTestDatabase } from '../testing/test-databases.ts';
import { demoRegisters } from '../testing/test-registers.ts';
import { buildApp } from './app.ts';

/** The API description maps every endpoint: served in demo mode, or when an operator turns it on. */
describe('the API documentation', () => {
  it.each([
    ['404 in production by default', { ...productionEnvironment() }, 404],
    ['200 in production with KONTAKTA_API_DOCS=true', { ...productionEnvironment(), KONTAKTA_API_DOCS: 'true' }, 200],
    ['200 in demo mode', { KONTAKTA_DEMO: 'true' }, 200],
  ])('answers %s', async (_name, env, status) => {
    const database = await createTestDatabase('sqlite');
    const config = loadConfig({ ...env, KONTAKTA_LOG_LEVEL: 'silent' });
    const app = await buildApp({ config, database, registers: demoRegisters() });
    try {
      expect((await app.inject('/api/openapi.json')).statusCode).toBe(status);
      expect((await app.inject('/api/docs/')).statusCode).toBe(status);
      expect((await app.inject('/readyz')).statusCode).toBe(200);
    } finally {
      await app.close();
      await database.drop();
    }
  });
});

describe('the OpenAPI description', () => {
  it('names every operation once, says how to authenticate, where the server is and under what licence', async () => {
    const database = await createTestDatabase('sqlite');
    const config = loadConfig({ KONTAKTA_DEMO: 'true', KONTAKTA_LOG_LEVEL: 'silent' });
    const app = await buildApp({ config, database, registers: demoRegisters() });
    try {
      const document = (await app.inject('/api/openapi.json')).json() as {
        paths: Record<string, Record<string, { operationId?: string; security?: unknown[] }>>;
        components: { securitySchemes: Record<string, { type: string; in: string; name: string }> };
        servers: Array<{ url: string }>;
        info: { license: { name: string } };
      };
      const operations = Object.entries(document.paths)
        .filter(([path]) => path.startsWith('/api/') && !path.startsWith('/api/docs'))
        .flatMap(([path, methods]) =>
          Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
        );
      expect(operations.length).toBeGreaterThan(60);
      const ids = operations.map((o) => o.operation.operationId);
      expect(ids.filter((id) => !id)).toEqual([]);
      expect(new Set(ids).size).toBe(ids.length);
      const citizenErrands = document.paths['/api/citizen/errands']?.post;
      expect(citizenErrands?.security).toEqual([{ session: [], csrf: [] }]);
      expect(document.paths['/api/auth/methods']?.get?.security).toEqual([]);
      expect(document.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie' });
      expect(document.components.securitySchemes.csrf).toMatchObject({ in: 'header', name: 'X-CSRF-Token' });
      expect(document.servers).toEqual([{ url: config.publicUrl }]);
      expect(document.info.license.name).toBe('AGPL-3.0-or-later');
    } finally {
      await app.close();
      await database.drop();
    }
  });
});
