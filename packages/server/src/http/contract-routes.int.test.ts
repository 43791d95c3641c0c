import { allRoutes } from '@kontakta/contract';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { createTestDatabase } from '../testing/test-databases.ts';
import { demoRegisters } from '../testing/test-registers.ts';
import { buildApp } from './app.ts';

const key = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/:([A-Za-z]+)/g, '{$1}')}`;

describe('the contract is the route table', () => {
  it('every contract route is registered, and every /api route is in the contract', async () => {
    const database = await createTestDatabase('sqlite');
    const config = loadConfig({ KONTAKTA_DEMO: 'true', KONTAKTA_LOG_LEVEL: 'silent' });
    const app = await buildApp({ config, database, registers: demoRegisters() });
    try {
      await app.ready();
      const paths = (app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths;
      const registered = Object.entries(paths)
        .filter(([path]) => path.startsWith('/api/') && !path.startsWith('/api/docs'))
        .flatMap(([path, operations]) =>
          Object.keys(operations)
            .filter((method) => method !== 'head')
            .map((method) => key(method, path)),
        )
        .sort();
      const contract = allRoutes().map((route) => key(route.method, route.path));
      expect(new Set(contract).size).toBe(contract.length);
      expect(contract.filter((route) => !registered.includes(route))).toEqual([]);
      expect(registered.filter((route) => !contract.includes(route))).toEqual([]);
    } finally {
      await app.close();
      await database.drop();
    }
  });
});
