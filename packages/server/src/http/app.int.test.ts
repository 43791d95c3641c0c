import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../testing/test-databases.ts';
import { demoRegisters } from '../testing/test-registers.ts';
import { buildApp } from './app.ts';

describe.each(DIALECTS)('the HTTP application on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const logLines: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const config = loadConfig({ KONTAKTA_DEMO: 'true', KONTAKTA_BODY_LIMIT_BYTES: '4096', KONTAKTA_LOG_LEVEL: 'info' });
    // Capture what the server logs, to prove what never reaches a log line.
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    app = await buildApp({ config, database, logStream, registers: demoRegisters() });
    // A route with a body, to exercise the framework-wide input rules every real route inherits.
    app.post(
      '/api/test/echo',
      {
        schema: {
          body: Type.Object({ text: Type.String({ maxLength: 100 }), nested: Type.Optional(Type.Unknown()) }),
        },
      },
      async (request) => request.body,
    );
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('answers /healthz and /readyz', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: dialect });
  });

  it('serves Prometheus metrics labelled by route template', async () => {
    await app.inject('/healthz');
    const metrics = await app.inject('/metrics');
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.body).toMatch(
      /kontakta_http_request_duration_seconds_count\{route="\/healthz",method="GET",status="200"\}/,
    );
    expect(metrics.body).toContain('process_resident_memory_bytes');
  });

  it('publishes the OpenAPI document and the browsable docs', async () => {
    const openapi = await app.inject('/api/openapi.json');
    expect(openapi.statusCode).toBe(200);
    expect(openapi.json()).toMatchObject({ openapi: '3.1.0', info: { title: 'Kontakta API' } });
    expect(Object.keys(openapi.json().paths)).toContain('/readyz');
    const docs = await app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger-ui');
  });

  it('sets strict security headers and no-store on everything by default', async () => {
    const response = await app.inject('/healthz');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown paths with a problem+json 404 in the caller’s language', async () => {
    const sv = await app.inject('/api/no-such-thing');
    expect(sv.statusCode).toBe(404);
    expect(sv.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(sv.json()).toMatchObject({ type: 'urn:kontakta:problem:not-found', code: 'not-found', status: 404 });
    expect(sv.json().title).toMatch(/finns inte/);
    const en = await app.inject({ url: '/api/no-such-thing', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.json().title).toBe('Not found');
    const cookie = await app.inject({ url: '/api/no-such-thing', cookies: { kontakta_lang: 'en' } });
    expect(cookie.json().title).toBe('Not found');
  });

  const post = (payload: string | Buffer, contentType = 'application/json') =>
    app.inject({ method: 'POST', url: '/api/test/echo', payload, headers: { 'content-type': contentType } });

  it('accepts a well-formed body', async () => {
    const response = await post(JSON.stringify({ text: 'hej' }));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ text: 'hej' });
  });

  it.each([
    ['malformed JSON', () => post('{"text": "hej"'), 400, 'invalid-json'],
    ['an empty JSON body', () => post(''), 400, 'invalid-json'],
    [
      'a wrong content type',
      () => post('text=hej', 'application/x-www-form-urlencoded'),
      415,
      'unsupported-media-type',
    ],
    ['plain text', () => post('hej', 'text/plain'), 415, 'unsupported-media-type'],
    ['an oversized body', () => post(JSON.stringify({ text: 'x'.repeat(10_000) })), 413, 'payload-too-large'],
    ['a NUL character', () => post(JSON.stringify({ text: 'a\u0000b' })), 400, 'invalid-characters'],
    [
      'a body that is not valid UTF-8',
      () => post(Buffer.concat([Buffer.from('{"text":"h'), Buffer.from([0xe4]), Buffer.from('j"}')])),
      400,
      'invalid-characters',
    ],
    [
      'a NUL character in a key',
      () => post(JSON.stringify({ text: 'a', nested: { 'k\u0000': 1 } })),
      400,
      'invalid-characters',
    ],
    [
      'deep nesting',
      () => post(`{"text":"a","nested":${'['.repeat(100)}${']'.repeat(100)}}`),
      400,
      'too-deeply-nested',
    ],
    ['prototype poisoning', () => post('{"text":"a","__proto__":{"admin":true}}'), 400, 'invalid-json'],
    ['a wrong type', () => post(JSON.stringify({ text: 42 })), 400, 'validation-failed'],
    ['a missing field', () => post(JSON.stringify({})), 400, 'validation-failed'],
    ['a too long string', () => post(JSON.stringify({ text: 'x'.repeat(101) })), 400, 'validation-failed'],
  ])('refuses %s with a clear 4xx problem', async (_name, send, status, code) => {
    const response = await send();
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status, code, type: `urn:kontakta:problem:${code}` });
  });

  it('names the field in validation problems', async () => {
    const missing = (await post(JSON.stringify({}))).json();
    expect(missing.errors).toEqual([expect.objectContaining({ path: 'body.text', code: 'required' })]);
    const nul = (await post(JSON.stringify({ text: 'a\u0000b' }))).json();
    expect(nul.errors).toEqual([expect.objectContaining({ path: 'body.text', code: 'nul-character' })]);
    // Latin-1 "hej" with ä: refused, not stored with a replacement character.
    const latin1 = (await post(Buffer.from('{"text":"häj"}', 'latin1'))).json();
    expect(latin1.errors).toEqual([expect.objectContaining({ path: 'body', code: 'invalid-utf8' })]);
    // Real UTF-8 passes as it is.
    expect((await post(Buffer.from('{"text":"häj"}', 'utf8'))).json()).toEqual({ text: 'häj' });
  });

  it('never logs a personnummer, names or bodies', async () => {
    logLines.length = 0;
    await app.inject({ url: '/api/no-such-thing?personnummer=191212121212&q=Tolvan' });
    await post(JSON.stringify({ text: 'Tolvan Tolvansson 19121212-1212 har ont' }));
    app.log.info({ personnummer: '191212121212', user: { name: 'Tolvan', note: 'pnr 121212-1212' } }, 'lookup');
    app.log.info('message text with 19121212-1212 in it');
    const all = logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(3);
    expect(all).not.toMatch(/1212121212|121212-1212/);
    expect(all).not.toContain('Tolvan');
    expect(all).not.toContain('har ont');
    expect(all).toContain('[redacted]');
    // What an operator needs is still there: method, path without the query, status.
    expect(all).toMatch(/"method":"GET",("route":"[^"]*",)?"path":"\/api\/no-such-thing"/);
    expect(all).toContain('"statusCode":404');
    expect(all).toContain('[personnummer]');
  });
});

// Group commit (storage/wal-group-commit.ts): an answer may only leave once what was committed
// before it is durable; when syncing fails, nothing is confirmed.
describe('answers wait for durability', () => {
  async function appWith(whenDurable: () => Promise<void> | undefined) {
    const database = await createTestDatabase('sqlite');
    const app = await buildApp({
      config: loadConfig({ KONTAKTA_DEMO: 'true', KONTAKTA_LOG_LEVEL: 'silent' }),
      database: { ...database, whenDurable },
      registers: demoRegisters(),
    });
    return { app, close: () => app.close().then(() => database.drop()) };
  }

  it('holds the answer until the pending fsync is done', async () => {
    let synced!: () => void;
    const fsync = new Promise<void>((resolve) => {
      synced = resolve;
    });
    const { app, close } = await appWith(() => fsync);
    try {
      let answered = false;
      const response = app.inject('/healthz').then((r) => {
        answered = true;
        return r;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(answered).toBe(false);
      synced();
      expect((await response).statusCode).toBe(200);
    } finally {
      await close();
    }
  });

  it('answers with a server error, not a confirmation, when the fsync failed', async () => {
    const { app, close } = await appWith(() => Promise.reject(new Error('EIO')));
    try {
      const response = await app.inject('/healthz');
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toContain('"ok"');
    } finally {
      await close();
    }
  });
});
