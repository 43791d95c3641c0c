import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../http/app.ts';
import { productionEnvironment } from '../testing/production-environment.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-databases.ts';
import { demoRegisters } from '../testing/test-registers.ts';
import { loadConfig } from './config.ts';

const BIN = new URL('../../bin/kontakta.js', import.meta.url).pathname;
const SECRETS = {
  KONTAKTA_OIDC_CLIENT_SECRET: 'oidc-secret-Zq81',
  KONTAKTA_SMTP_URL: 'smtp://kontakta:smtp-secret-Zq82@127.0.0.1:1',
  KONTAKTA_SMS_GATEWAY_URL: 'https://sms.region.example/send',
  KONTAKTA_SMS_GATEWAY_PASSWORD: 'sms-secret-Zq83',
};
const secretValues = ['oidc-secret-Zq81', 'smtp-secret-Zq82', 'sms-secret-Zq83', 'db-secret-Zq84'];

describe('secrets in what Kontakta prints', () => {
  let database: TestDatabase | undefined;
  afterAll(async () => database?.drop());

  it('a database that refuses the password: the refusal names the problem, never the password', () => {
    const url = new URL(inject('postgresUrl'));
    url.username = 'kontakta_nobody';
    url.password = 'db-secret-Zq84';
    const result = spawnSync(process.execPath, [BIN, 'migrate'], {
      encoding: 'utf8',
      env: { ...process.env, ...productionEnvironment(), ...SECRETS, KONTAKTA_DATABASE_URL: url.toString() },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/kontakta_nobody/);
    for (const secret of secretValues) expect(result.stdout + result.stderr).not.toContain(secret);
  });

  it('the server logs at the most detailed level without a secret in any line', async () => {
    database = await createTestDatabase('postgres');
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const url = new URL(database.config.dialect === 'postgres' ? database.config.url : '');
    const config = loadConfig({
      ...productionEnvironment(),
      ...SECRETS,
      KONTAKTA_DATABASE_URL: url.toString(),
      KONTAKTA_LOG_LEVEL: 'trace',
    });
    const app = await buildApp({ config, database, logStream, registers: demoRegisters() });
    await app.ready();
    for (const path of ['/readyz', '/api/session', '/api/auth/eid/start', '/nowhere']) await app.inject(path);
    await app.close();
    expect(lines.length).toBeGreaterThan(4);
    const log = lines.join('');
    for (const secret of [...secretValues, url.password].filter(Boolean)) expect(log).not.toContain(secret);
  });
});
