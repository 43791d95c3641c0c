import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../config/config.ts';
import { openDeletionKeys } from '../encryption/deletion-keys.ts';
import { generateKeyFile, loadKeyRing } from '../encryption/master-keys.ts';
import { demoPersonas } from '../registers/index.ts';
import { MissingMasterKeyError, type RunningServer, startServer } from '../server.ts';
import { client, prescriptionAnswers } from '../testing/errand-fixture.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../testing/test-databases.ts';
import { loginTestCitizen, loginTestStaff } from '../testing/test-sessions.ts';
import { keysCommand } from './keys.command.ts';
import { seedDemo } from './seed.command.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A running server on a fresh database whose master keys come from a key file, as in production. */
async function setUp(dialect: (typeof DIALECTS)[number]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-rotation-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const database: TestDatabase = await createTestDatabase(dialect);
  cleanups.push(() => database.drop());
  const keyFile = path.join(dir, 'master-keys.json');
  const firstKey = generateKeyFile(keyFile);
  const config = loadConfig({
    KONTAKTA_DEMO: 'true',
    PORT: '0',
    KONTAKTA_DATA_DIR: dir,
    KONTAKTA_LOG_LEVEL: 'silent',
    KONTAKTA_OUTBOX_WORKER: 'false',
    KONTAKTA_MASTER_KEY_FILE: keyFile,
    KONTAKTA_DATABASE_URL:
      database.config.dialect === 'sqlite' ? `sqlite:${database.config.file}` : database.config.url,
  });
  const start = async () => {
    const server = await startServer(config, { beforeListen: (db) => seedDemo(config, db).then(() => {}) });
    cleanups.push(() => server.close());
    return server;
  };
  return { config, keyFile, firstKey, database, start };
}

async function sendErrand(server: RunningServer, config: Config, medicine: string): Promise<string> {
  const personas = demoPersonas(new Date());
  const unit = personas.staff.receiver.unitHsaId as string;
  const login = await loginTestCitizen(server.database, config, { personnummer: personas.citizens.adult.personnummer });
  const citizen = client(server.app, login);
  const form = (await citizen.get(`/api/citizen/units/${unit}/errand-types/renew-prescription/form`)).json();
  const sent = await citizen.post('/api/citizen/errands', {
    unitHsaId: unit,
    errandType: 'renew-prescription',
    formVersionId: form.formVersionId,
    answers: prescriptionAnswers(medicine),
  });
  expect(sent.statusCode).toBe(201);
  return sent.json().id as string;
}

async function readAsReceiver(server: RunningServer, config: Config, id: string) {
  const receiver = demoPersonas(new Date()).staff.receiver;
  const login = await loginTestStaff(server.database, config, {
    hsaId: receiver.hsaId,
    unitHsaId: receiver.unitHsaId,
    roles: ['receiver'],
  });
  return client(server.app, login).get(`/api/staff/errands/${id}`);
}

/**
 * The master key an errand's content depends on: its data key is wrapped under its expiry month's
 * deletion key, which is wrapped under a master key in the deletion key file.
 */
async function masterKeyOf(database: TestDatabase, config: Config, id: string): Promise<string | undefined> {
  const row = await database.db.selectFrom('errand').select('key_id').where('id', '=', id).executeTakeFirstOrThrow();
  expect(row.key_id).toMatch(/^deletion:\d{4}-\d{2}$/);
  return openDeletionKeys(config.deletionKeyFile).wrappingKeyOf(row.key_id.slice('deletion:'.length));
}

const keys = (config: Config, ...args: string[]) => {
  const out: string[] = [];
  const write = { write: (text: string) => out.push(text) };
  return keysCommand(args, async () => config, write, write).then(
    () => out.join(''),
    (error: Error) => {
      throw Object.assign(error, { output: out.join('') });
    },
  );
};

describe.each(DIALECTS)('master key rotation while a server runs, on %s', (dialect) => {
  it('loses nothing: the server follows the key file, prune waits for rewrap, a restart reads everything', async () => {
    const { config, keyFile, firstKey, database, start } = await setUp(dialect);
    const server = await start();
    const before = await sendErrand(server, config, 'Före-rotation');
    expect(await masterKeyOf(database, config, before)).toBe(firstKey);

    // The loss found in testing: rotate while the server runs, then send, then restart.
    expect(await keys(config, 'add')).toMatch(/now the current key/);
    const secondKey = loadKeyRing({ kind: 'file', path: keyFile, generateIfMissing: false }, () => {}).currentId;
    expect(secondKey).not.toBe(firstKey);
    // The running server notices the changed file by itself (polling once a second).
    await expect.poll(() => server.keys.currentId, { timeout: 30_000, interval: 100 }).toBe(secondKey);
    const after = await sendErrand(server, config, 'Efter-rotation');
    // Its data key joins the month's deletion key, still wrapped under the first master key.
    expect(await masterKeyOf(database, config, after)).toBe(firstKey);

    // The first errand still needs the old key: prune refuses and says how many rows.
    await expect(keys(config, 'prune')).rejects.toThrow(
      new RegExp(`Not pruned: "${firstKey}" still wraps 1 data key\\(s\\)`),
    );
    expect(await keys(config, 'rewrap')).toMatch(new RegExp(`Re-wrapped 1 data keys under master key "${secondKey}"`));
    expect(await masterKeyOf(database, config, before)).toBe(secondKey);
    expect(await keys(config, 'prune')).toMatch(new RegExp(`Removed master key\\(s\\) ${firstKey}`));
    const pruned = loadKeyRing({ kind: 'file', path: keyFile, generateIfMissing: false }, () => {});
    expect([...pruned.keys.keys()]).toEqual([secondKey]);

    await server.close();
    const restarted = await start();
    for (const [id, medicine] of [
      [before, 'Före-rotation'],
      [after, 'Efter-rotation'],
    ] as const) {
      const read = await readAsReceiver(restarted, config, id);
      expect(read.statusCode).toBe(200);
      expect(read.body).toContain(medicine);
    }
  });

  it('refuses to start when the database references a master key that is not loaded, naming it', async () => {
    const { config, keyFile, firstKey, start } = await setUp(dialect);
    const server = await start();
    await sendErrand(server, config, 'Hemligt');
    await server.close();
    // The key file is replaced by one without the key the errand is wrapped with (a lost key).
    fs.rmSync(keyFile);
    generateKeyFile(keyFile);
    const refusal = await start().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(MissingMasterKeyError);
    expect((refusal as Error).message).toContain(`master key(s) "${firstKey}", which are not loaded`);

    // A key file with the right id but other bytes (from another installation) is refused too.
    const { randomBytes } = await import('node:crypto');
    fs.writeFileSync(
      keyFile,
      JSON.stringify({ current: firstKey, keys: { [firstKey]: randomBytes(32).toString('base64') } }),
    );
    const wrongKey = await start().then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(wrongKey?.message).toContain(`the loaded master key(s) "${firstKey}" do not open the data`);
  });
});

describe('the keys command', () => {
  it('generates a key file only where none is, and rewraps nothing twice', async () => {
    const { config, keyFile, start } = await setUp('sqlite');
    await expect(keys(config, 'generate', keyFile)).rejects.toThrow(/exists already; it is not overwritten/);
    const server = await start();
    await sendErrand(server, config, 'En');
    await keys(config, 'add');
    expect(await keys(config, 'rewrap')).toMatch(/Re-wrapped 1 data keys/);
    expect(await keys(config, 'rewrap')).toMatch(/Re-wrapped 0 data keys/);
    expect(await keys(config, 'prune')).toMatch(/Removed master key/);
    expect(await keys(config, 'prune')).toMatch(/nothing to prune/);
    await expect(keys(config, 'rotate')).rejects.toThrow(/Usage: kontakta keys generate/);
  });

  it('with KONTAKTA_MASTER_KEY, prints a new key to put first instead of writing anywhere', async () => {
    const config = loadConfig({
      KONTAKTA_DEMO: 'true',
      KONTAKTA_MASTER_KEY: `old:${Buffer.alloc(32, 7).toString('base64')}`,
    });
    const output = await keys(config, 'add');
    expect(output).toMatch(/^ {2}\d{4}-\d{2}-\d{2}-[0-9a-f]{6}:[A-Za-z0-9+/]{43}=$/m);
    expect(output).toMatch(/Put it first in KONTAKTA_MASTER_KEY/);
  });
});
