import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

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
    for (const command of ['serve', 'migrate', 'seed']) expect(result.stdout).toContain(command);
  });

  it('refuses an unknown command with exit code 2', () => {
    const result = kontakta(['fly']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Unknown command "fly"/);
  });

  it('migrate creates the embedded database under the data folder, then has nothing left to do', () => {
    const dataDir = tempDataDir();
    const first = kontakta(['migrate'], { KONTAKTA_DATA_DIR: dataDir });
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Applied \d+: 2026-11-22-01-organisation/);
    expect(fs.existsSync(path.join(dataDir, 'kontakta.sqlite'))).toBe(true);
    expect(kontakta(['migrate'], { KONTAKTA_DATA_DIR: dataDir }).stdout).toMatch(/up to date/);
  });

  it('serve without a register explains how to get one', () => {
    const result = kontakta(['serve'], { PORT: '0', KONTAKTA_DATA_DIR: tempDataDir() });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/register files [^\n]+ are missing in [^\n]+npx kontakta seed/);
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
    expect(fs.existsSync(path.join(dataDir, 'register', 'population.json'))).toBe(true);

    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(output).toMatch(/shutting down/);
  });
});
