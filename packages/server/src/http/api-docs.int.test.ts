import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { productionEnvironment } from '../testing/production-environment.ts';
import { createTestDatabase } from '../testing/test-databases.ts';
import { demoRegisters } from '../testing/test-registers.ts';
import { buildApp } from './app.ts';
import { NAMED_SCHEMAS } from './openapi-components.ts';

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

  it('names the problem body and the other shared schemas once, as components, and gives every answer its media type', async () => {
    const database = await createTestDatabase('sqlite');
    const config = loadConfig({ KONTAKTA_DEMO: 'true', KONTAKTA_LOG_LEVEL: 'silent' });
    const app = await buildApp({ config, database, registers: demoRegisters() });
    try {
      const response = await app.inject('/api/openapi.json');
      type Responses = Record<string, { content?: Record<string, { schema: unknown }> }>;
      const document = response.json() as {
        paths: Record<string, Record<string, { responses: Responses }>>;
        components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
      };
      const problem = { schema: { $ref: '#/components/schemas/Problem' } };
      const answers = (path: string, method = 'get') => document.paths[path]?.[method]?.responses;

      // Every operation's errors are problem+json by reference; the body itself is written once.
      for (const [path, methods] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(methods)) {
          expect(operation.responses['4XX']?.content, `${method} ${path}`).toEqual({
            'application/problem+json': problem,
          });
        }
      }
      expect(answers('/api/citizen/errands', 'post')?.['5XX']?.content).toEqual({
        'application/problem+json': problem,
      });
      expect(response.body.split('urn:kontakta:problem').length - 1).toBe(1);
      expect(document.components.schemas.Problem?.properties?.errors).toEqual({
        type: 'array',
        items: { $ref: '#/components/schemas/FieldError' },
      });

      // The other named schemas too, where they are the whole answer and where they are nested.
      const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
      expect(Object.keys(document.components.schemas)).toEqual(Object.keys(NAMED_SCHEMAS));
      expect(answers('/api/citizen/calendar', 'post')?.['201']?.content).toEqual({
        'application/json': { schema: ref('CalendarNote') },
      });
      expect(answers('/api/citizen/calendar')?.['200']?.content?.['application/json']?.schema).toMatchObject({
        properties: { items: { type: 'array', items: ref('CalendarNote') } },
      });

      expect(Object.keys(answers('/api/citizen/calendar.ics')?.['200']?.content ?? {})).toEqual(['text/calendar']);
      const fhir = [
        '/api/staff/errands/{id}/questionnaire-response',
        '/api/admin/units/{hsaId}/errand-types/{type}/versions/{version}/questionnaire',
      ];
      for (const path of fhir) {
        expect(Object.keys(answers(path)?.['200']?.content ?? {}), path).toEqual(['application/fhir+json']);
      }
      expect(Object.keys(answers('/api/citizen/errands')?.['200']?.content ?? {})).toEqual(['application/json']);
    } finally {
      await app.close();
      await database.drop();
    }
  });
});
