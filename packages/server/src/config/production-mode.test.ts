import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyFile, loadKeyRing } from '../encryption/master-keys.ts';
import { productionEnvironment, productionProblems } from '../testing/production-environment.ts';
import { ConfigError, loadConfig, maskPassword } from './config.ts';
import { unknownVariableWarnings } from './config-variables.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-config-'));
  dirs.push(dir);
  return dir;
}

/** The complete production environment with one variable removed or replaced. */
function without(name: string, replacement: Record<string, string> = {}): Record<string, string> {
  const env = productionEnvironment();
  delete env[name];
  return { ...env, ...replacement };
}

const key = (bytes: Buffer) => `k1:${bytes.toString('base64')}`;

describe('production is the default', () => {
  it('starts in production mode from a complete configuration, whatever NODE_ENV says', () => {
    for (const NODE_ENV of [undefined, 'development', 'prod', 'Production']) {
      const config = loadConfig({ ...productionEnvironment(), ...(NODE_ENV ? { NODE_ENV } : {}) });
      expect(config.demo).toBe(false);
      expect(config.identity.devIdp).toBe(false);
      expect(config.identity.passwordLogin).toBe(false);
      expect(config.notifications.devOutbox).toBe(false);
      expect(config.apiDocs).toBe(false);
    }
  });

  it('turns the development conveniences on only in demo mode, by flag or by variable', () => {
    for (const config of [loadConfig({}, '/srv', { demo: true }), loadConfig({ KONTAKTA_DEMO: 'true' }, '/srv')]) {
      expect(config.demo).toBe(true);
      expect(config.identity.devIdp).toBe(true);
      expect(config.identity.passwordLogin).toBe(true);
      expect(config.notifications.devOutbox).toBe(true);
      expect(config.apiDocs).toBe(true);
      expect(config.masterKeys).toEqual({ kind: 'file', path: '/srv/data/master-keys.json', generateIfMissing: true });
    }
  });

  it('refuses to start with nothing configured, naming every missing variable at once', () => {
    const problems = productionProblems({});
    expect(problems).toEqual([
      'KONTAKTA_PUBLIC_URL must be set (the address people reach Kontakta at); or run in demo mode (--demo)',
      'KONTAKTA_MASTER_KEY or KONTAKTA_MASTER_KEY_FILE must be set (the keys that protect errand content); or run in demo mode (--demo)',
      'KONTAKTA_SMTP_URL must be set (the mail server notifications are sent through); or run in demo mode (--demo)',
      'KONTAKTA_OIDC_ISSUER must be set (the e-ID broker citizens log in through); or run in demo mode (--demo)',
    ]);
  });

  it('refuses without an OIDC issuer', () => {
    expect(productionProblems(without('KONTAKTA_OIDC_ISSUER'))).toEqual([
      'KONTAKTA_OIDC_ISSUER must be set (the e-ID broker citizens log in through); or run in demo mode (--demo)',
    ]);
  });

  it('refuses without KONTAKTA_PUBLIC_URL', () => {
    expect(productionProblems(without('KONTAKTA_PUBLIC_URL'))).toEqual([
      'KONTAKTA_PUBLIC_URL must be set (the address people reach Kontakta at); or run in demo mode (--demo)',
    ]);
  });

  it('refuses the dev outbox', () => {
    expect(productionProblems(without('-', { KONTAKTA_DEV_OUTBOX: 'true' }))).toEqual([
      'KONTAKTA_DEV_OUTBOX must be off outside demo mode: it shows login codes',
    ]);
  });

  it('refuses without an SMTP URL', () => {
    expect(productionProblems(without('KONTAKTA_SMTP_URL'))).toEqual([
      'KONTAKTA_SMTP_URL must be set (the mail server notifications are sent through); or run in demo mode (--demo)',
    ]);
  });

  it('refuses without a master key', () => {
    expect(productionProblems(without('KONTAKTA_MASTER_KEY'))).toEqual([
      'KONTAKTA_MASTER_KEY or KONTAKTA_MASTER_KEY_FILE must be set (the keys that protect errand content); or run in demo mode (--demo)',
    ]);
  });

  it('refuses an all-zero master key and keys with little entropy, naming the key id and never the key', () => {
    const cases: Array<[Buffer, string]> = [
      [Buffer.alloc(32), 'is all zeros'],
      [Buffer.from('01234567'.repeat(4)), 'has too little entropy'],
      [Buffer.from('The quick brown fox jumps over t'), 'is text, not random bytes'],
    ];
    for (const [bytes, reason] of cases) {
      const env = without('KONTAKTA_MASTER_KEY', { KONTAKTA_MASTER_KEY: key(bytes) });
      const problems = productionProblems(env);
      expect(problems).toEqual([
        `KONTAKTA_MASTER_KEY: master key "k1" ${reason}: use 32 random bytes (\`openssl rand -base64 32\`)`,
      ]);
      expect(problems.join()).not.toContain(bytes.toString('base64'));
    }
    // A strong key before a weak one does not hide the weak one.
    const mixed = `${key(randomBytes(32))},old:${Buffer.alloc(32).toString('base64')}`;
    expect(productionProblems(without('KONTAKTA_MASTER_KEY', { KONTAKTA_MASTER_KEY: mixed }))).toEqual([
      'KONTAKTA_MASTER_KEY: master key "old" is all zeros: use 32 random bytes (`openssl rand -base64 32`)',
    ]);
  });

  it('refuses the key file generated for demo mode, and a key file that does not exist', () => {
    const dir = tempDir();
    const demoFile = path.join(dir, 'master-keys.json');
    loadKeyRing({ kind: 'file', path: demoFile, generateIfMissing: true }, () => {});
    expect(productionProblems(without('KONTAKTA_MASTER_KEY', { KONTAKTA_MASTER_KEY_FILE: demoFile }))).toEqual([
      `KONTAKTA_MASTER_KEY_FILE: ${demoFile} is the key file generated for demo mode, not a production key`,
    ]);
    const missing = path.join(dir, 'nowhere.json');
    expect(productionProblems(without('KONTAKTA_MASTER_KEY', { KONTAKTA_MASTER_KEY_FILE: missing }))).toEqual([
      `KONTAKTA_MASTER_KEY_FILE: ${missing} does not exist (make one with \`kontakta keys generate\`)`,
    ]);
    const made = path.join(dir, 'production-keys.json');
    generateKeyFile(made);
    const config = loadConfig(without('KONTAKTA_MASTER_KEY', { KONTAKTA_MASTER_KEY_FILE: made }));
    expect(config.masterKeys).toEqual({ kind: 'file', path: made, generateIfMissing: false });
  });
});

describe('configuration hygiene', () => {
  it('warns about unknown KONTAKTA_ variables, naming the nearest known one', () => {
    expect(
      unknownVariableWarnings({
        KONTAKTA_MASTERKEY: 'x',
        KONTAKTA_SMTP_ULR: 'x',
        KONTAKTA_SOMETHING_ELSE_ENTIRELY: 'x',
        KONTAKTA_TEST_POSTGRES_URL: 'x',
        KONTAKTA_PORT: 'x',
        PATH: '/bin',
      }),
    ).toEqual([
      'KONTAKTA_MASTERKEY is not a Kontakta setting and is ignored (did you mean KONTAKTA_MASTER_KEY?)',
      'KONTAKTA_PORT is not a Kontakta setting and is ignored (did you mean KONTAKTA_HOST?)',
      'KONTAKTA_SMTP_ULR is not a Kontakta setting and is ignored (did you mean KONTAKTA_SMTP_URL?)',
      'KONTAKTA_SOMETHING_ELSE_ENTIRELY is not a Kontakta setting and is ignored',
    ]);
    const config = loadConfig({ ...productionEnvironment(), KONTAKTA_DEV_OUTBOXX: 'true' });
    expect(config.warnings).toEqual([
      'KONTAKTA_DEV_OUTBOXX is not a Kontakta setting and is ignored (did you mean KONTAKTA_DEV_OUTBOX?)',
    ]);
  });

  it('never prints a secret in a refusal: database password, SMTP URL, client secret, master key', () => {
    let error: unknown;
    const secrets = ['db-hunter2', 'mail-hunter2', 'client-hunter2', 'sms-hunter2'];
    try {
      loadConfig({
        ...productionEnvironment(),
        KONTAKTA_DATABASE_URL: 'postgres://kontakta:db-hunter2@db:notaport/kontakta',
        KONTAKTA_SMTP_URL: 'http://user:mail-hunter2@mail',
        KONTAKTA_OIDC_ISSUER: 'http://broker.example',
        KONTAKTA_OIDC_CLIENT_SECRET: 'client-hunter2',
        KONTAKTA_SMS_GATEWAY_URL: 'ftp://u:sms-hunter2@sms',
        KONTAKTA_MASTER_KEY: 'k1:c2hvcnQ=',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = (error as ConfigError).message;
    expect(text).toContain('KONTAKTA_DATABASE_URL="postgres://kontakta:***@db:notaport/kontakta"');
    expect(text).toContain('KONTAKTA_SMTP_URL: must be smtp://');
    expect(text).toContain('KONTAKTA_MASTER_KEY: master key "k1" must be 32 bytes');
    for (const secret of [...secrets, 'c2hvcnQ=']) expect(text).not.toContain(secret);
  });

  it('masks the password of a database address wherever it is printed', () => {
    expect(maskPassword('postgres://k:s3cret@db:5432/kontakta')).toBe('postgres://k:***@db:5432/kontakta');
    expect(maskPassword('postgres://k@db/kontakta')).toBe('postgres://k@db/kontakta');
    expect(maskPassword('postgres://k:s3cret@db:port/x')).toBe('postgres://k:***@db:port/x');
    expect(maskPassword('sqlite:./data/kontakta.sqlite')).toBe('sqlite:./data/kontakta.sqlite');
  });

  it('reads the metrics address and keeps the API description off outside demo mode', () => {
    const config = loadConfig({ ...productionEnvironment(), KONTAKTA_METRICS_ADDRESS: '127.0.0.1:9464' });
    expect(config.metricsAddress).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(config.apiDocs).toBe(false);
    expect(loadConfig({ ...productionEnvironment(), KONTAKTA_API_DOCS: 'true' }).apiDocs).toBe(true);
    expect(productionProblems({ ...productionEnvironment(), KONTAKTA_METRICS_ADDRESS: '9464' })).toEqual([
      'KONTAKTA_METRICS_ADDRESS="9464": must be host:port, e.g. 127.0.0.1:9464',
    ]);
  });
});
