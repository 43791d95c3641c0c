import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { errandExpiresAt, startOfStockholmDay } from '@kontakta/domain';
import { afterEach, expect, it } from 'vitest';
import { openDeletionKeys } from '../encryption/deletion-keys.ts';
import { client, createErrandFixture, type ErrandFixture, prescriptionAnswers } from '../testing/errand-fixture.ts';
import { openRestoredSqlite } from '../testing/restored-database.ts';
import { loginTestStaff } from '../testing/test-sessions.ts';
import { backUpSqlite } from '../use-cases/backup/back-up-sqlite.ts';
import { applyRetention } from '../use-cases/retention/apply-retention.ts';
import { buildApp } from './app.ts';

// The proof that deletion reaches backups: a backup taken while the errand existed, restored
// after retention deleted it and destroyed its month's key, cannot show the errand's content,
// and says so cleanly (410), not with a 500. The master key is the same; only the month's key is gone.
let f: ErrandFixture | undefined;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-retention-backup-'));
afterEach(async () => {
  await f?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

it('a backup restored after retention cannot open the deleted errand', async () => {
  let now = Date.now();
  f = await createErrandFixture('sqlite', { clock: () => now });
  if (f.database.config.dialect !== 'sqlite') throw new Error('sqlite expected');
  const citizen = await f.citizen(f.personas.citizens.adult.personnummer);
  const form = (await citizen.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).json();
  const id = (
    await citizen.post('/api/citizen/errands', {
      unitHsaId: f.unit,
      errandType: 'renew-prescription',
      formVersionId: form.formVersionId,
      answers: prescriptionAnswers('Hemligmedicin'),
    })
  ).json().id as string;

  const backup = path.join(folder, 'before-retention.sqlite');
  await backUpSqlite(f.database.config.file, backup);

  // Two years on and past the end of that month: retention deletes it and destroys the month's key.
  const expiresAt = errandExpiresAt(now, f.config.retention);
  const epoch = new Date(expiresAt + 12 * 3_600_000).toISOString().slice(0, 7);
  now = startOfStockholmDay(`${epoch}-28`).getTime() + 5 * 86_400_000;
  const run = await applyRetention(f.services, now);
  expect(run).toMatchObject({ deleted: 1, keysDestroyed: 1 });

  // Restore the old backup beside the live key files (the master key never changed).
  const restored = openRestoredSqlite(backup);
  const app = await buildApp({
    config: f.config,
    database: restored,
    keys: f.keys,
    deletionKeys: openDeletionKeys(f.deletionKeyFile),
    registers: f.registers,
    clock: () => now,
  });
  try {
    const inBackup = await restored.db
      .selectFrom('errand')
      .select(['id', 'key_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    expect(inBackup?.key_id).toBe(`deletion:${epoch}`);
    const receiver = f.personas.staff.receiver;
    const login = await loginTestStaff(
      restored,
      f.config,
      {
        hsaId: receiver.hsaId,
        unitHsaId: f.unit,
        roles: ['receiver'],
      },
      now,
    );
    const read = await client(app, login).get(`/api/staff/errands/${id}`);
    expect(read.statusCode).toBe(410);
    expect(read.json()).toMatchObject({ code: 'errand-deleted', detail: 'deletion-key-destroyed' });
    expect(read.body).not.toContain('Hemligmedicin');
    // Nothing in the restored file reads as the medicine either: it is ciphertext under a key that is gone.
    expect(fs.readFileSync(backup).includes(Buffer.from('Hemligmedicin'))).toBe(false);
  } finally {
    await app.close();
    await restored.close();
  }
});
