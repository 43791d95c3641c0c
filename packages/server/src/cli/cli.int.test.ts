import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { productionEnvironment } from '../testing/production-environment.ts';

const BIN = new URL('../../bin/kontakta.js', import.meta.url).pathname;
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-cli-'));
  dirs.push(dir);
  return dir;
}

function kontakta(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
}

describe('npx kontakta', () => {
  it('explains itself with --help', () => {
    const result = kontakta(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Usage: kontakta <command>/);
    for (const command of ['serve', 'migrate', 'seed', 'keys']) expect(result.stdout).toContain(command);
  });

  it('tells its version, and explains a command without loading it', () => {
    const version = kontakta(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^kontakta \d+\.\d+\.\d+\n$/);
    const keys = kontakta(['keys', '--help']);
    expect(keys.status).toBe(0);
    expect(keys.stdout).toMatch(/kontakta keys rewrap/);
  });

  it('starts in production mode and refuses an incomplete configuration, naming each variable', () => {
    const result = kontakta(['serve'], { PORT: '0', KONTAKTA_DATA_DIR: tempDataDir(), NODE_ENV: 'development' });
    expect(result.status).toBe(1);
    for (const name of ['KONTAKTA_PUBLIC_URL', 'KONTAKTA_OIDC_ISSUER', 'KONTAKTA_SMTP_URL', 'KONTAKTA_MASTER_KEY']) {
      expect(result.stderr).toContain(`${name}`);
    }
    expect(result.stderr).toMatch(/or run in demo mode \(--demo\)/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('seed refuses to write the demo register over the register files without --demo', () => {
    const result = kontakta(['seed'], { KONTAKTA_DATA_DIR: tempDataDir(), KONTAKTA_DEMO: 'false' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/KONTAKTA_PUBLIC_URL must be set/);
    const configured = kontakta(['seed'], { ...productionEnvironment(), KONTAKTA_DATA_DIR: tempDataDir() });
    expect(configured.status).toBe(1);
    expect(configured.stderr).toMatch(/seed writes the demo register over the register files: give --demo/);
  });

  it('refuses an unknown command with exit code 2', () => {
    const result = kontakta(['fly']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Unknown command "fly"/);
  });

  it('migrate creates the embedded database under the data folder, then has nothing left to do', () => {
    const dataDir = tempDataDir();
    const first = kontakta(['migrate'], { KONTAKTA_DATA_DIR: dataDir, KONTAKTA_DEMO: 'true' });
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Applied \d+: 2026-11-22-01-organisation/);
    expect(fs.existsSync(path.join(dataDir, 'kontakta.sqlite'))).toBe(true);
    expect(kontakta(['migrate'], { KONTAKTA_DATA_DIR: dataDir, KONTAKTA_DEMO: 'true' }).stdout).toMatch(/up to date/);
  });

  it('serve refuses a database that a newer Kontakta migrated, and says why', () => {
    const dataDir = tempDataDir();
    const env = { PORT: '0', KONTAKTA_DATA_DIR: dataDir };
    expect(kontakta(['migrate'], { ...env, KONTAKTA_DEMO: 'true' }).status).toBe(0);
    const database = new DatabaseSync(path.join(dataDir, 'kontakta.sqlite'));
    database
      .prepare('insert into kontakta_migration (name, timestamp) values (?, ?)')
      .run('2099-01-01-01-from-a-newer-kontakta', new Date().toISOString());
    database.close();
    const result = kontakta(['serve', '--demo'], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/2099-01-01-01-from-a-newer-kontakta is missing/);
  });

  it('serve without a register explains how to get one', () => {
    const result = kontakta(['serve'], { PORT: '0', KONTAKTA_DATA_DIR: tempDataDir(), KONTAKTA_DEMO: 'true' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/register files [^\n]+ are missing in [^\n]+npx kontakta seed --demo/);
  });

  it('lists every configuration problem and exits 1 without a stack trace', () => {
    const result = kontakta(['migrate'], { PORT: 'x', KONTAKTA_DATABASE_URL: 'mysql://db' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PORT="x"/);
    expect(result.stderr).toMatch(/KONTAKTA_DATABASE_URL="mysql:\/\/db"/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('serve --demo loads the demo register, answers requests and shuts down gracefully on SIGTERM', async () => {
    const dataDir = tempDataDir();
    const child = spawn(process.execPath, [BIN, 'serve', '--demo'], {
      env: { ...process.env, PORT: '0', KONTAKTA_DATA_DIR: dataDir, KONTAKTA_LOG_LEVEL: 'info' },
    });
    children.push(child);
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output += String(chunk);
        const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`server exited early with ${code}: ${output}`)));
    });
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    // The first thing it says is that this is demo mode.
    expect(output.split('\n')[0]).toMatch(/DEMO MODE/);
    expect(fs.existsSync(path.join(dataDir, 'register', 'population.json'))).toBe(true);

    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(output).toMatch(/shutting down/);
  });

  it('serve reloads the master key file on SIGHUP, and says which key is current', async () => {
    const dataDir = tempDataDir();
    const keyFile = path.join(dataDir, 'keys.json');
    const env = { PORT: '0', KONTAKTA_DATA_DIR: dataDir, KONTAKTA_MASTER_KEY_FILE: keyFile, KONTAKTA_DEMO: 'true' };
    expect(kontakta(['keys', 'generate', keyFile]).status).toBe(0);
    const child = spawn(process.execPath, [BIN, 'serve', '--demo'], { env: { ...process.env, ...env } });
    children.push(child);
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
    });
    await expect.poll(() => output, { timeout: 60_000, interval: 100 }).toMatch(/Server listening/);
    const added = kontakta(['keys', 'add'], env);
    expect(added.status).toBe(0);
    const newKey = /Added master key "([^"]+)"/.exec(added.stdout)?.[1];
    child.kill('SIGHUP');
    await expect
      .poll(() => output, { timeout: 60_000, interval: 100 })
      .toMatch(new RegExp(`"currentKeyId":"${newKey}"[^\n]*"msg":"master keys reloaded"`));
    expect(child.exitCode).toBeNull();
  });
});
