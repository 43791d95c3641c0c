import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../config/config.ts';
import { generateKeyFile } from '../encryption/master-keys.ts';
import { demoPersonas } from '../registers/index.ts';
import { type RunningServer, startServer } from '../server.ts';
import { dropAccessLogGuard } from '../testing/access-log-tampering.ts';
import { type Client, client, createErrandFixture, prescriptionAnswers } from '../testing/errand-fixture.ts';
import { loginTestCitizen, loginTestStaff } from '../testing/test-sessions.ts';
import { parseExportedHeads, readChainHeads } from '../use-cases/access-log/access-log-heads.ts';
import { seedDemo } from './seed.command.ts';

const BIN = new URL('../../bin/kontakta.js', import.meta.url).pathname;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-backup-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The real CLI in its own process, without blocking this one (the server here keeps serving). */
function kontakta(args: string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A data folder's environment, as an operator would set it; the key file and the register are shared. */
function environment(dataDir: string, shared: { keyFile: string; registerDir: string }): Record<string, string> {
  return {
    KONTAKTA_DEMO: 'true',
    PORT: '0',
    KONTAKTA_DATA_DIR: dataDir,
    KONTAKTA_DATABASE_URL: `sqlite:${path.join(dataDir, 'kontakta.sqlite')}`,
    KONTAKTA_REGISTER_DIR: shared.registerDir,
    KONTAKTA_MASTER_KEY_FILE: shared.keyFile,
    KONTAKTA_LOG_LEVEL: 'silent',
    KONTAKTA_OUTBOX_WORKER: 'false',
  };
}

async function start(config: Config, seed: boolean): Promise<RunningServer> {
  const server = await startServer(config, seed ? { beforeListen: (db) => seedDemo(config, db).then(() => {}) } : {});
  cleanups.push(() => server.close());
  return server;
}

async function receiverOf(server: RunningServer, config: Config): Promise<Client> {
  const receiver = demoPersonas(new Date()).staff.receiver;
  const login = await loginTestStaff(server.database, config, {
    hsaId: receiver.hsaId,
    unitHsaId: receiver.unitHsaId,
    roles: ['receiver'],
  });
  return client(server.app, login);
}

describe('kontakta backup on SQLite', () => {
  it('backs up while errands are sent; the restore verifies and reads back every errand confirmed before it', async () => {
    const dir = tempDir();
    const shared = { keyFile: path.join(dir, 'keys', 'master-keys.json'), registerDir: path.join(dir, 'register') };
    fs.mkdirSync(path.dirname(shared.keyFile));
    generateKeyFile(shared.keyFile);
    const liveEnv = environment(path.join(dir, 'live'), shared);
    const liveConfig = loadConfig(liveEnv);
    const live = await start(liveConfig, true);

    const personas = demoPersonas(new Date());
    const unit = personas.staff.receiver.unitHsaId as string;
    const citizen = client(
      live.app,
      await loginTestCitizen(live.database, liveConfig, { personnummer: personas.citizens.adult.personnummer }),
    );
    const receiver = await receiverOf(live, liveConfig);
    const form = (await citizen.get(`/api/citizen/units/${unit}/errand-types/renew-prescription/form`)).json();

    // Errands go in one after another, each read by the receiver (so the access log grows too),
    // before, during and after the backup.
    const confirmed: Array<{ id: string; medicine: string }> = [];
    let sending = true;
    const sender = (async () => {
      for (let i = 0; sending; i++) {
        const medicine = `Backupmedicin-${i}`;
        const sent = await citizen.post('/api/citizen/errands', {
          unitHsaId: unit,
          errandType: 'renew-prescription',
          formVersionId: form.formVersionId,
          answers: prescriptionAnswers(medicine),
        });
        expect(sent.statusCode).toBe(201);
        confirmed.push({ id: sent.json().id, medicine });
        expect((await receiver.get(`/api/staff/errands/${sent.json().id}`)).statusCode).toBe(200);
      }
    })();
    await expect.poll(() => confirmed.length, { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(5);

    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups);
    const target = path.join(backups, 'kontakta.sqlite');
    const confirmedBefore = confirmed.slice();
    const backup = await kontakta(['backup', target], liveEnv);
    const sentDuring = confirmed.length - confirmedBefore.length;
    sending = false;
    await sender;

    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/Backed up .* one consistent snapshot/);
    expect(backup.stdout).toMatch(/master keys are not in this backup: .* the key file .*master-keys\.json/);
    // The server really was writing while the command ran.
    expect(sentDuring).toBeGreaterThan(0);
    // Only the two files, under their final names: no temporary file is left behind.
    expect(fs.readdirSync(backups).sort()).toEqual(['kontakta.sqlite', 'kontakta.sqlite.access-log-heads.json']);
    // The master keys are not in it, neither as bytes nor as text.
    const bytes = fs.readFileSync(target);
    const keyFile = JSON.parse(fs.readFileSync(shared.keyFile, 'utf8')) as { keys: Record<string, string> };
    for (const key of Object.values(keyFile.keys)) {
      expect(bytes.includes(Buffer.from(key, 'base64'))).toBe(false);
      expect(bytes.includes(Buffer.from(key))).toBe(false);
    }
    const heads = parseExportedHeads(fs.readFileSync(`${target}.access-log-heads.json`, 'utf8'), 'heads');
    expect(heads.backupFile).toBe('kontakta.sqlite');
    expect(heads.heads.find((h) => h.unitHsaId === unit)?.position).toBeGreaterThanOrEqual(confirmedBefore.length);
    await live.close();

    // Restore as the README says: the backup becomes the database of a new data folder.
    const restoredEnv = environment(path.join(dir, 'restored'), shared);
    fs.mkdirSync(restoredEnv.KONTAKTA_DATA_DIR as string);
    fs.copyFileSync(target, path.join(restoredEnv.KONTAKTA_DATA_DIR as string, 'kontakta.sqlite'));
    const restoredConfig = loadConfig(restoredEnv);
    const restored = await start(restoredConfig, false);
    // The heads were taken in the backup's own snapshot: they are exactly the restored database's.
    expect(await readChainHeads(restored.database.db)).toEqual(heads.heads);
    const verified = await kontakta(['audit', 'verify'], restoredEnv);
    expect(verified.stdout).toMatch(/The access log is intact/);
    expect(verified.status).toBe(0);
    const againstHeads = await kontakta(['audit', 'verify', '--heads', `${target}.access-log-heads.json`], restoredEnv);
    expect(againstHeads.stdout).toMatch(
      /Every entry of the \d+ chain head\(s\) exported at .* is still there, unchanged/,
    );
    expect(againstHeads.status).toBe(0);

    // Every errand confirmed before the backup is there; of those sent during it, each one the
    // snapshot holds is whole too.
    const present = new Set((await restored.database.db.selectFrom('errand').select('id').execute()).map((e) => e.id));
    expect(confirmedBefore.filter(({ id }) => !present.has(id))).toEqual([]);
    const restoredReceiver = await receiverOf(restored, restoredConfig);
    for (const { id, medicine } of confirmed.filter((e) => present.has(e.id))) {
      const read = await restoredReceiver.get(`/api/staff/errands/${id}`);
      expect(read.statusCode, medicine).toBe(200);
      expect(read.body).toContain(medicine);
    }
  }, 180_000);

  it('never overwrites: an existing backup or heads file is refused and left as it was, nothing else is written', async () => {
    const dir = tempDir();
    const env = {
      KONTAKTA_DEMO: 'true',
      KONTAKTA_DATA_DIR: path.join(dir, 'data'),
      KONTAKTA_DATABASE_URL: `sqlite:${path.join(dir, 'data', 'kontakta.sqlite')}`,
      KONTAKTA_LOG_LEVEL: 'silent',
    };
    expect((await kontakta(['migrate'], env)).status).toBe(0);
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups);

    fs.writeFileSync(path.join(backups, 'one.sqlite'), 'last week');
    const existing = await kontakta(['backup', path.join(backups, 'one.sqlite')], env);
    expect(existing.status).toBe(1);
    expect(existing.stderr).toMatch(/one\.sqlite exists already; it is not overwritten/);
    expect(fs.readFileSync(path.join(backups, 'one.sqlite'), 'utf8')).toBe('last week');

    fs.writeFileSync(path.join(backups, 'two.sqlite.access-log-heads.json'), 'last week');
    const headsExisting = await kontakta(['backup', path.join(backups, 'two.sqlite')], env);
    expect(headsExisting.status).toBe(1);
    expect(headsExisting.stderr).toMatch(/two\.sqlite\.access-log-heads\.json exists already/);
    expect(fs.readdirSync(backups).sort()).toEqual(['one.sqlite', 'two.sqlite.access-log-heads.json']);

    const noFile = await kontakta(['backup'], env);
    expect(noFile.status).toBe(1);
    expect(noFile.stderr).toMatch(/Usage: kontakta backup <file>/);
    const noDatabase = await kontakta(['backup', path.join(backups, 'three.sqlite')], {
      ...env,
      KONTAKTA_DATABASE_URL: `sqlite:${path.join(dir, 'nowhere', 'kontakta.sqlite')}`,
    });
    expect(noDatabase.status).toBe(1);
    expect(noDatabase.stderr).toMatch(/There is no database at .*nowhere/);
    expect(fs.existsSync(path.join(dir, 'nowhere'))).toBe(false);
  }, 60_000);
});

describe('kontakta backup on PostgreSQL', () => {
  it('copies nothing itself: it refuses and names pg_dump; --heads-only exports the heads that audit verify --heads checks', async () => {
    const f = await createErrandFixture('postgres');
    cleanups.push(() => f.close());
    if (f.database.config.dialect !== 'postgres') throw new Error('postgres expected');
    const citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    const receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
    const form = (await citizen.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).json();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const sent = await citizen.post('/api/citizen/errands', {
        unitHsaId: f.unit,
        errandType: 'renew-prescription',
        formVersionId: form.formVersionId,
        answers: prescriptionAnswers(`Pg-${i}`),
      });
      ids.push(sent.json().id);
      expect((await receiver.get(`/api/staff/errands/${sent.json().id}`)).statusCode).toBe(200);
    }
    const dir = tempDir();
    const env = {
      KONTAKTA_DEMO: 'true',
      KONTAKTA_DATA_DIR: path.join(dir, 'data'),
      KONTAKTA_DATABASE_URL: f.database.config.url,
      KONTAKTA_LOG_LEVEL: 'silent',
    };
    const target = path.join(dir, 'kontakta.dump');

    const refused = await kontakta(['backup', target], env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/does not copy a PostgreSQL database.*Nothing was written/);
    expect(refused.stderr).toMatch(/kontakta backup --heads-only <file>/);
    expect(refused.stderr).toContain(`pg_dump --format=custom --file=${target}`);
    // The database address (with its password) is never printed.
    expect(refused.stderr).not.toContain(f.database.config.url);
    expect(fs.readdirSync(dir)).toEqual([]);

    const exported = await kontakta(['backup', '--heads-only', target], env);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    expect(exported.stdout).toMatch(/Exported the access-log chain heads of 1 unit\(s\)/);
    expect(exported.stdout).toMatch(
      /The database itself was NOT backed up\. Take the PostgreSQL backup now, e\.g\. pg_dump/,
    );
    expect(exported.stdout).toMatch(/master keys are not in this backup/);
    const headsFile = `${target}.access-log-heads.json`;
    const heads = parseExportedHeads(fs.readFileSync(headsFile, 'utf8'), headsFile);
    expect(heads).toMatchObject({ dialect: 'postgres', backupFile: null, heads: [{ unitHsaId: f.unit, position: 3 }] });
    expect((await kontakta(['backup', '--heads-only', target], env)).stderr).toMatch(/exists already/);

    // Entries after the export are fine; removing ones that existed then, with the head rewound
    // to match, passes the chain check alone and is caught only with the heads.
    expect((await receiver.get(`/api/staff/errands/${ids[0]}`)).statusCode).toBe(200);
    expect((await kontakta(['audit', 'verify', '--heads', headsFile], env)).status).toBe(0);
    // An attacker holding the schema rights drops the append-only guard first.
    await dropAccessLogGuard(f.database.db, 'postgres');
    const first = await f.database.db
      .selectFrom('access_log')
      .select(['position', 'hash'])
      .where('unit_hsa_id', '=', f.unit)
      .where('position', '=', 1)
      .executeTakeFirstOrThrow();
    await f.database.db.deleteFrom('access_log').where('unit_hsa_id', '=', f.unit).where('position', '>', 1).execute();
    await f.database.db
      .updateTable('access_log_head')
      .set({ position: first.position, hash: first.hash })
      .where('unit_hsa_id', '=', f.unit)
      .execute();
    expect((await kontakta(['audit', 'verify'], env)).status).toBe(0);
    const caught = await kontakta(['audit', 'verify', '--heads', headsFile], env);
    expect(caught.status).toBe(1);
    expect(caught.stdout).toMatch(/BROKEN unit .*, entry 3: is missing, but existed at .*: entries were removed/);
  }, 120_000);
});
