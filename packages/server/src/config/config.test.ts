import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to an embedded SQLite file under ./data and port 3000', () => {
    const config = loadConfig({ KONTAKTA_DEMO: 'true' }, '/srv/kontakta');
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({
      dialect: 'sqlite',
      file: '/srv/kontakta/data/kontakta.sqlite',
      cacheMegabytes: 16,
    });
    expect(config.registerDir).toBe('/srv/kontakta/data/register');
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.allowUnsafeDurability).toBe(false);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('chooses PostgreSQL for a postgres:// address', () => {
    const config = loadConfig({ KONTAKTA_DEMO: 'true', KONTAKTA_DATABASE_URL: 'postgres://k:secret@db:5432/kontakta' });
    expect(config.database).toEqual({ dialect: 'postgres', url: 'postgres://k:secret@db:5432/kontakta', poolSize: 10 });
  });

  it('accepts another SQLite file', () => {
    const config = loadConfig({ KONTAKTA_DEMO: 'true', KONTAKTA_DATABASE_URL: 'sqlite:other/k.db' }, '/x');
    expect(config.database).toEqual({ dialect: 'sqlite', file: path.resolve('/x', 'other/k.db'), cacheMegabytes: 16 });
  });

  it("sizes SQLite's page cache from KONTAKTA_SQLITE_CACHE_MB, and refuses a size that is not a whole number of MB", () => {
    const config = loadConfig({ KONTAKTA_DEMO: 'true', KONTAKTA_SQLITE_CACHE_MB: '64' }, '/x');
    expect(config.database).toMatchObject({ dialect: 'sqlite', cacheMegabytes: 64 });
    expect(() => loadConfig({ KONTAKTA_DEMO: 'true', KONTAKTA_SQLITE_CACHE_MB: 'lots' }, '/x')).toThrow(
      /KONTAKTA_SQLITE_CACHE_MB/,
    );
  });

  it('lists every wrong value at once, naming the variable', () => {
    let error: unknown;
    try {
      loadConfig({
        KONTAKTA_DEMO: 'true',
        PORT: 'eighty',
        KONTAKTA_DATABASE_URL: 'mysql://db',
        KONTAKTA_LOG_LEVEL: 'loud',
        KONTAKTA_API_DOCS: 'maybe',
        KONTAKTA_PUBLIC_URL: 'ftp://x',
        KONTAKTA_BODY_LIMIT_BYTES: '10',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(6);
    expect(problems.join('\n')).toMatch(/^PORT="eighty": must be a whole number/m);
    expect(problems.join('\n')).toMatch(/^KONTAKTA_DATABASE_URL="mysql:\/\/db": must start with postgres/m);
    expect(problems.join('\n')).toMatch(/^KONTAKTA_LOG_LEVEL="loud": must be one of/m);
    expect(problems.join('\n')).toMatch(/^KONTAKTA_API_DOCS="maybe": must be true or false/m);
    expect(problems.join('\n')).toMatch(/^KONTAKTA_PUBLIC_URL="ftp:\/\/x": must be an http/m);
    expect(problems.join('\n')).toMatch(/^KONTAKTA_BODY_LIMIT_BYTES="10": must be between/m);
  });

  it('declares every variable it reads (the README table is checked against this list)', async () => {
    const source = await import('node:fs').then((fs) =>
      fs.readFileSync(new URL('./config.ts', import.meta.url), 'utf8'),
    );
    const read = [...source.matchAll(/read\(\s*'([A-Z_]+)'/g)].map((m) => m[1]);
    expect(new Set(read)).toEqual(new Set(CONFIG_VARIABLES.map((v) => v.name)));
  });
});

describe('the README', () => {
  it('lists every configuration variable with its default', async () => {
    const fs = await import('node:fs');
    const readme = fs.readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
    for (const variable of CONFIG_VARIABLES) {
      expect(readme, variable.name).toMatch(new RegExp(`^\\|\\s*\`${variable.name}\`\\s*\\|`, 'm'));
    }
  });
});
