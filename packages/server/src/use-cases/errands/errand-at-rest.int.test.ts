import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDeletionKeys } from '../../encryption/deletion-keys.ts';
import { loadKeyRing } from '../../encryption/master-keys.ts';
import { openDatabase } from '../../storage/database.ts';
import { dropAccessLogGuard } from '../../testing/access-log-tampering.ts';
import { createErrandFixture, type ErrandFixture, prescriptionAnswers } from '../../testing/errand-fixture.ts';
import { productionEnvironment } from '../../testing/production-environment.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { verifyAccessLog } from '../access-log/verify-access-log.ts';
import { contextFor } from '../services.ts';
import { readErrand } from './read-errand.ts';

const BIN = new URL('../../../bin/kontakta.js', import.meta.url).pathname;
const MEDICINE = 'Hemligmedicin-Xq7';
const fixtures: ErrandFixture[] = [];
afterEach(async () => Promise.all(fixtures.splice(0).map((f) => f.close())));

async function withErrand(dialect: (typeof DIALECTS)[number]) {
  const f = await createErrandFixture(dialect);
  fixtures.push(f);
  const citizen = await f.citizen(f.personas.citizens.adult.personnummer);
  const receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
  const form = (await citizen.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).json();
  const id = (
    await citizen.post('/api/citizen/errands', {
      unitHsaId: f.unit,
      errandType: 'renew-prescription',
      formVersionId: form.formVersionId,
      answers: prescriptionAnswers(MEDICINE),
    })
  ).json().id as string;
  for (let i = 0; i < 3; i++) expect((await receiver.get(`/api/staff/errands/${id}`)).statusCode).toBe(200);
  return { f, id, citizen, receiver };
}

describe.each(DIALECTS)('errand content at rest on %s', (dialect) => {
  it('is nowhere in the database in plain text', async () => {
    const { f } = await withErrand(dialect);
    if (f.database.config.dialect === 'sqlite') {
      // Checkpoint so the WAL's pages are in the main file too, then read every byte of both.
      await sql`PRAGMA wal_checkpoint(FULL)`.execute(f.database.db);
      const bytes = Buffer.concat(
        [f.database.config.file, `${f.database.config.file}-wal`]
          .filter((file) => fs.existsSync(file))
          .map((file) => fs.readFileSync(file)),
      );
      // The scan does see what is stored in clear (the unit's name), so it would see the medicine.
      expect(bytes.includes(Buffer.from('Solgläntan'))).toBe(true);
      expect(bytes.includes(Buffer.from(MEDICINE))).toBe(false);
      expect(bytes.includes(Buffer.from('Hemligmedicin'))).toBe(false);
    } else {
      const tables = await f.database.db.introspection.getTables();
      let seenUnitName = false;
      for (const table of tables) {
        const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table.name)}`.execute(f.database.db);
        const dump = JSON.stringify(rows.rows, (_k, v) =>
          v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v,
        );
        expect(dump, table.name).not.toContain('Hemligmedicin');
        seenUnitName ||= dump.includes('Solgläntan');
      }
      expect(seenUnitName).toBe(true);
    }
  });

  it('stays readable after the master key is rotated, and no longer needs the old key', async () => {
    const { f, id } = await withErrand(dialect);
    const { randomBytes } = await import('node:crypto');
    const { rewrapDataKeys } = await import('../keys/rewrap-data-keys.ts');
    const newKey = randomBytes(32);
    const both = { currentId: 'next', keys: new Map([...f.keys.keys, ['next', newKey]]) };
    expect(await rewrapDataKeys(f.database, both, f.deletionKeys)).toBe(1);
    expect(await rewrapDataKeys(f.database, both, f.deletionKeys)).toBe(0);
    const onlyNew = { currentId: 'next', keys: new Map([['next', newKey]]) };
    const services = { ...f.services, keys: onlyNew };
    const actor = {
      kind: 'staff' as const,
      hsaId: f.personas.staff.receiver.hsaId,
      unitHsaId: f.unit,
      roles: ['receiver' as const],
      sessionId: 't',
    };
    const errand = await readErrand(contextFor(services, actor), id, 'sv');
    expect(JSON.stringify(errand.messages[0]?.answers)).toContain(MEDICINE);
  });

  it('access-log tampering is detected: a changed entry, a removed one, the last ones removed', async () => {
    const { f } = await withErrand(dialect);
    expect(await verifyAccessLog(f.database)).toEqual({ entries: 3, problems: [] });
    const entries = await f.database.db.selectFrom('access_log').selectAll().orderBy('position').execute();

    // The application's own connection cannot change or remove an entry.
    await expect(
      f.database.db.updateTable('access_log').set({ action: 'list' }).where('position', '=', 2).execute(),
    ).rejects.toThrow(/the access log is append-only/);
    await expect(f.database.db.deleteFrom('access_log').where('position', '=', 3).execute()).rejects.toThrow(
      /the access log is append-only/,
    );
    if (f.database.dialect === 'postgres') {
      await expect(sql`TRUNCATE access_log`.execute(f.database.db)).rejects.toThrow(/the access log is append-only/);
    }
    expect(await verifyAccessLog(f.database)).toEqual({ entries: 3, problems: [] });

    // Someone with the rights to drop the guard is caught by the chain.
    await dropAccessLogGuard(f.database.db, f.database.dialect);
    await f.database.db.updateTable('access_log').set({ action: 'list' }).where('position', '=', 2).execute();
    expect((await verifyAccessLog(f.database)).problems).toEqual([
      { unitHsaId: f.unit, position: 2, problem: 'content was changed after it was written' },
    ]);
    await f.database.db.updateTable('access_log').set({ action: 'read' }).where('position', '=', 2).execute();
    expect((await verifyAccessLog(f.database)).problems).toEqual([]);

    await f.database.db.deleteFrom('access_log').where('position', '=', 3).execute();
    expect((await verifyAccessLog(f.database)).problems[0]?.problem).toBe('entries at the end were removed');
    await f.database.db.deleteFrom('access_log').where('position', '=', 2).execute();
    await f.database.db
      .insertInto('access_log')
      .values([entries[2] as (typeof entries)[number]])
      .execute();
    expect((await verifyAccessLog(f.database)).problems[0]).toMatchObject({
      position: 2,
      problem: 'entry 2 is missing',
    });
  });
});

describe('the keys and audit commands', () => {
  it('`keys add`, `rewrap`, `prune` rotate the key file in production mode; `audit verify` tells intact from tampered', async () => {
    const { f, id } = await withErrand('sqlite');
    if (f.database.config.dialect !== 'sqlite') throw new Error('sqlite expected');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-keys-cli-'));
    const keyFile = path.join(dir, 'master-keys.json');
    const current = f.keys.keys.get('test-key') as Buffer;
    fs.writeFileSync(
      keyFile,
      JSON.stringify({ current: 'test-key', keys: { 'test-key': current.toString('base64') } }),
    );
    const { KONTAKTA_MASTER_KEY: _fromEnvironment, ...production } = productionEnvironment();
    const env = {
      ...process.env,
      ...production,
      KONTAKTA_DATABASE_URL: `sqlite:${f.database.config.file}`,
      KONTAKTA_MASTER_KEY_FILE: keyFile,
      KONTAKTA_DELETION_KEY_FILE: f.deletionKeyFile,
      KONTAKTA_LOG_LEVEL: 'silent',
    };
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });

    expect(run('keys', 'add').stdout).toMatch(/it is now the current key/);
    const rewrapped = run('keys', 'rewrap');
    expect(rewrapped.status).toBe(0);
    expect(rewrapped.stdout).toMatch(/Re-wrapped 1 data keys/);
    // Not a terminal: the progress comes as lines, ending at the whole.
    expect(rewrapped.stderr).toMatch(/Re-wrapping data keys \[#+\] 1\/1 \(100 %\)\n$/);
    expect(run('keys', 'prune').stdout).toMatch(/Removed master key\(s\) test-key/);
    const ring = loadKeyRing({ kind: 'file', path: keyFile, generateIfMissing: false }, () => {});
    expect(ring.currentId).not.toBe('test-key');
    expect([...ring.keys.keys()]).toEqual([ring.currentId]);
    const database = openDatabase(f.database.config);
    const row = await database.db.selectFrom('errand').select('key_id').where('id', '=', id).executeTakeFirstOrThrow();
    // The errand's key is wrapped under its month's deletion key, now wrapped under the new master key.
    const epoch = row.key_id.replace(/^deletion:/, '');
    expect(openDeletionKeys(f.deletionKeyFile).wrappingKeyOf(epoch)).toBe(ring.currentId);

    expect(run('audit', 'verify').stdout).toMatch(/intact: 3 entries/);
    await dropAccessLogGuard(database.db, 'sqlite');
    await database.db
      .updateTable('access_log')
      .set({ staff_hsa_id: 'SE-SOMEONE-ELSE' })
      .where('position', '=', 1)
      .execute();
    await database.close();
    const broken = run('audit', 'verify');
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/BROKEN unit .* entry 1: content was changed/);
    fs.rmSync(dir, { recursive: true });
  });
});
