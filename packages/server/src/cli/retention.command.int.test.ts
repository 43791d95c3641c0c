import { errandExpiresAt } from '@kontakta/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { createErrandFixture, type ErrandFixture, prescriptionAnswers } from '../testing/errand-fixture.ts';
import { DIALECTS } from '../testing/test-databases.ts';
import { retentionCommand } from './retention.command.ts';

describe.each(DIALECTS)('kontakta retention on %s', (dialect) => {
  let f: ErrandFixture | undefined;
  afterEach(async () => {
    await f?.close();
    f = undefined;
  });

  it('--dry-run shows what goes when, by unit and month; run deletes it, with progress', async () => {
    f = await createErrandFixture(dialect);
    const citizen = await f.citizen(f.personas.citizens.adult.personnummer);
    const form = (await citizen.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).json();
    const sentAt = Date.now();
    const sent = await citizen.post('/api/citizen/errands', {
      unitHsaId: f.unit,
      errandType: 'renew-prescription',
      formVersionId: form.formVersionId,
      answers: prescriptionAnswers(),
    });
    expect(sent.statusCode).toBe(201);
    const masterKey = f.keys.keys.get(f.keys.currentId)?.toString('base64');
    const config = loadConfig({
      KONTAKTA_DEMO: 'true',
      KONTAKTA_LOG_LEVEL: 'silent',
      KONTAKTA_DATABASE_URL:
        f.database.config.dialect === 'sqlite' ? `sqlite:${f.database.config.file}` : f.database.config.url,
      KONTAKTA_MASTER_KEY: `${f.keys.currentId}:${masterKey}`,
      KONTAKTA_DELETION_KEY_FILE: f.deletionKeyFile,
    });
    const output = async (args: string[], at: Date) => {
      const out: string[] = [];
      const err: string[] = [];
      await retentionCommand(
        config,
        args,
        { write: (t: string) => out.push(t) },
        { write: (t: string) => err.push(t) },
        () => at,
      );
      return { out: out.join(''), err: err.join('') };
    };

    expect((await output(['--dry-run'], new Date())).out).toMatch(/within 12 month\(s\)[^\n]*\n {2}nothing/);
    const plan = (await output(['--dry-run', '--months', '30'], new Date())).out;
    const expiresAt = errandExpiresAt(sentAt, f.config.retention);
    const month = new Date(expiresAt + 12 * 3_600_000).toISOString().slice(0, 7);
    expect(plan).toContain(f.unit);
    expect(plan).toMatch(new RegExp(`${month}\\s+1\\s+\\d{4}-\\d{2}-\\d{2}`));
    expect(plan).toContain('Nothing was deleted (dry run).');
    expect(await f.database.db.selectFrom('errand').select('id').execute()).toHaveLength(1);

    const ran = await output(['run'], new Date(expiresAt + 60_000));
    expect(ran.out).toMatch(/1 errand\(s\) deleted/);
    expect(ran.err).toMatch(/Deleting expired errands \[#+\] 1\/1 \(100 %\)/);
    expect(await f.database.db.selectFrom('errand').select('id').execute()).toEqual([]);

    await expect(output([], new Date())).rejects.toThrow(/either --dry-run or run/);
    await expect(output(['--dry-run', '--months', 'many'], new Date())).rejects.toThrow(/--months/);
  });
});
