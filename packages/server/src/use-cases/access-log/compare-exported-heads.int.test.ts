import { afterEach, describe, expect, it } from 'vitest';
import { dropAccessLogGuard } from '../../testing/access-log-tampering.ts';
import { createErrandFixture, type ErrandFixture, prescriptionAnswers } from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { entryHash } from './access-log-chain.ts';
import { type ExportedHeads, formatExportedHeads, parseExportedHeads, readChainHeads } from './access-log-heads.ts';
import { compareWithExportedHeads } from './compare-exported-heads.ts';
import { verifyAccessLog } from './verify-access-log.ts';

const fixtures: ErrandFixture[] = [];
afterEach(async () => Promise.all(fixtures.splice(0).map((f) => f.close())));

/** An errand read three times by the receiver (three chain entries), and the heads exported then. */
async function exportedAfterThreeReads(dialect: (typeof DIALECTS)[number]) {
  const f = await createErrandFixture(dialect);
  fixtures.push(f);
  const citizen = await f.citizen(f.personas.citizens.adult.personnummer);
  const receiver = await f.staff(f.personas.staff.receiver.hsaId, f.unit);
  const form = (await citizen.get(`/api/citizen/units/${f.unit}/errand-types/renew-prescription/form`)).json();
  const sent = await citizen.post('/api/citizen/errands', {
    unitHsaId: f.unit,
    errandType: 'renew-prescription',
    formVersionId: form.formVersionId,
    answers: prescriptionAnswers(),
  });
  const read = () => receiver.get(`/api/staff/errands/${sent.json().id}`);
  for (let i = 0; i < 3; i++) expect((await read()).statusCode).toBe(200);
  const text = formatExportedHeads(await readChainHeads(f.database.db), new Date(), dialect, null);
  const exported: ExportedHeads = parseExportedHeads(text, 'heads.json');
  // The attacker below holds the rights to drop the append-only guard.
  await dropAccessLogGuard(f.database.db, f.database.dialect);
  return { f, read, exported };
}

describe.each(DIALECTS)('the access log against exported heads, on %s', (dialect) => {
  it('passes when every exported entry is still there, new entries after it included', async () => {
    const { f, read, exported } = await exportedAfterThreeReads(dialect);
    expect(exported.heads).toEqual([{ unitHsaId: f.unit, position: 3, hash: expect.any(String) }]);
    await read();
    expect((await compareWithExportedHeads(f.database, exported)).problems).toEqual([]);
  });

  it('catches a chain rewritten from an old entry on, with the head rewritten to match', async () => {
    const { f, exported } = await exportedAfterThreeReads(dialect);
    const rows = await f.database.db.selectFrom('access_log').selectAll().orderBy('position').execute();
    // Entry 2 becomes someone else's access, and everything after it is re-hashed.
    let previous = rows[0]?.hash as string;
    for (const row of rows.slice(1)) {
      const rewritten = {
        ...row,
        previous_hash: previous,
        staff_hsa_id: row.position === 2 ? 'SE-NOBODY' : row.staff_hsa_id,
      };
      previous = entryHash(rewritten);
      await f.database.db
        .updateTable('access_log')
        .set({ previous_hash: rewritten.previous_hash, staff_hsa_id: rewritten.staff_hsa_id, hash: previous })
        .where('id', '=', row.id)
        .execute();
    }
    await f.database.db
      .updateTable('access_log_head')
      .set({ hash: previous })
      .where('unit_hsa_id', '=', f.unit)
      .execute();

    expect((await verifyAccessLog(f.database)).problems).toEqual([]);
    expect((await compareWithExportedHeads(f.database, exported)).problems).toEqual([
      {
        unitHsaId: f.unit,
        position: 3,
        problem: expect.stringMatching(/differs from the head exported at .*rewritten/),
      },
    ]);
  });

  it('catches a unit whose whole chain and head were removed', async () => {
    const { f, exported } = await exportedAfterThreeReads(dialect);
    await f.database.db.deleteFrom('access_log').where('unit_hsa_id', '=', f.unit).execute();
    await f.database.db.deleteFrom('access_log_head').where('unit_hsa_id', '=', f.unit).execute();
    expect((await verifyAccessLog(f.database)).problems).toEqual([]);
    expect((await compareWithExportedHeads(f.database, exported)).problems).toEqual([
      { unitHsaId: f.unit, position: 3, problem: expect.stringMatching(/is missing, but existed at .*removed/) },
    ]);
  });
});

describe('a heads file', () => {
  it('is refused with the reason when it is not one', () => {
    expect(() => parseExportedHeads('not json', 'x.json')).toThrow(/x\.json is not JSON/);
    expect(() =>
      parseExportedHeads(
        JSON.stringify({
          format: 'kontakta-access-log-heads/1',
          exportedAt: 'now',
          dialect: 'sqlite',
          backupFile: null,
          heads: [{ unitHsaId: 'U', position: 1, hash: 'short' }],
        }),
        'x.json',
      ),
    ).toThrow(/x\.json is not an access-log heads file \(\/heads\/0\/hash/);
  });
});
