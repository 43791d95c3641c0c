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
