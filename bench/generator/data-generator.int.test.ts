import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../packages/server/src/config/config.ts';
import { openText, unwrapDataKey } from '../../packages/server/src/encryption/envelope.ts';
import { parseKeyList } from '../../packages/server/src/encryption/master-keys.ts';
import { buildApp } from '../../packages/server/src/http/app.ts';
import { openDatabase } from '../../packages/server/src/storage/database.ts';
import { loginTestCitizen, loginTestStaff } from '../../packages/server/src/testing/test-sessions.ts';
import { verifyAccessLog } from '../../packages/server/src/use-cases/access-log/verify-access-log.ts';
import type { BenchMeta } from './bench-dataset.ts';
import { generateDataset } from './data-generator.ts';
import { buildNationalOrganisation } from './national-organisation.ts';
import { personnummerForIndex } from './national-personnummer.ts';
import { nationalRegisters } from './national-register.adapter.ts';

// A smoke test of the benchmark data generator at 200 errands: what it writes is what the server
// writes (the hash chain verifies, content decrypts) and the server reads it through its API.

describe('the benchmark data generator', () => {
  let dir: string;
  let meta: BenchMeta;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-bench-data-'));
    // Few, large units keep the organisation quick to write; the errands are as at national scale.
    meta = await generateDataset({ errands: 200, dialect: 'sqlite', dir, inhabitantsPerUnit: 500_000, workers: false });
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes errands with messages, history and about ten access-log entries each', () => {
    const rows = meta.stats?.rows ?? {};
    expect(rows.errand).toBe(200);
    expect(rows.errand_message).toBeGreaterThan(200);
    expect(rows.errand_event).toBeGreaterThan(600);
    expect(rows.access_log).toBeGreaterThan(1000);
    expect(rows.access_log).toBeLessThan(3000);
    // Skewed: fewer citizens than errands, the heaviest with many.
    expect(meta.citizens).toBeLessThan(200);
  });

  it('keeps a valid access-log chain and content only the master key opens', async () => {
    const database = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'kontakta.sqlite') });
    try {
      expect((await verifyAccessLog(database)).problems).toEqual([]);
      const errand = await database.db.selectFrom('errand').selectAll().limit(1).executeTakeFirstOrThrow();
      const message = await database.db
        .selectFrom('errand_message')
        .selectAll()
        .where('errand_id', '=', errand.id)
        .where('position', '=', 1)
        .executeTakeFirstOrThrow();
      expect(Buffer.from(message.content).toString('utf8')).not.toContain('answers');
      const key = unwrapDataKey(parseKeyList(meta.masterKey), {
        wrapped: Buffer.from(errand.wrapped_key),
        keyId: errand.key_id,
      });
      const content = JSON.parse(openText(key, Buffer.from(message.content), `${errand.id}:${message.id}`));
      expect(Object.keys(content.answers).length).toBeGreaterThan(0);
      const statuses = await database.db.selectFrom('errand').select('status').distinct().execute();
      expect(statuses.map((s) => s.status)).toContain('closed');
    } finally {
      await database.close();
    }
  });

  it('is read by the server: a citizen lists their errands, a receiver opens one', async () => {
    const database = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'kontakta.sqlite') });
    const organisation = buildNationalOrganisation(meta.seed, meta.inhabitantsPerUnit);
    const config = loadConfig({ KONTAKTA_DEMO: 'true', KONTAKTA_LOG_LEVEL: 'silent', KONTAKTA_DATA_DIR: dir });
    const app = await buildApp({
      config,
      database,
      registers: nationalRegisters(meta.seed, meta.citizens, organisation),
      keys: parseKeyList(meta.masterKey),
    });
    try {
      const citizen = await loginTestCitizen(database, config, { personnummer: personnummerForIndex(0) });
      const list = await app.inject({ url: '/api/citizen/errands?folder=archive', cookies: citizen.cookies });
      expect(list.statusCode).toBe(200);
      expect(list.json().counts.archive + list.json().counts.sent).toBeGreaterThan(0);

      const errand = await database.db
        .selectFrom('errand')
        .select(['id', 'unit_hsa_id'])
        .limit(1)
        .executeTakeFirstOrThrow();
      const receiver = organisation.staffByUnit.get(errand.unit_hsa_id)?.[0];
      const staff = await loginTestStaff(database, config, {
        hsaId: receiver?.hsaId ?? '',
        unitHsaId: errand.unit_hsa_id,
        roles: ['receiver', 'caregiver'],
      });
      const opened = await app.inject({ url: `/api/staff/errands/${errand.id}`, cookies: staff.cookies });
      expect(opened.statusCode).toBe(200);
      expect(opened.json().messages.length).toBeGreaterThan(0);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
