import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { accessLogPruningJob } from '../../jobs/access-log-pruning.job.ts';
import type { JobContext } from '../../jobs/scheduler/job.types.ts';
import type { Database } from '../../storage/database.ts';
import { dropAccessLogGuard } from '../../testing/access-log-tampering.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../testing/test-databases.ts';
import { chainState, dropAnchorGuard, NOW, seedChains, writeAccesses } from './access-log.test-support.ts';
import { type ExportedHeads, formatExportedHeads, parseExportedHeads, readChainHeads } from './access-log-heads.ts';
import { compareWithExportedHeads } from './compare-exported-heads.ts';
import { keepPeriodStart, pruneAccessLogBatch } from './prune-access-log.ts';
import { verifyAccessLog } from './verify-access-log.ts';

const A = 'SE-UNIT-A';
const opened: TestDatabase[] = [];
afterEach(async () => Promise.all(opened.splice(0).map((d) => d.drop())));

async function seeded(dialect: (typeof DIALECTS)[number]): Promise<TestDatabase> {
  const database = await createTestDatabase(dialect);
  opened.push(database);
  await seedChains(database);
  return database;
}

function run(database: Database, keepYears = 5) {
  const quiet = () => {};
  const context: JobContext = {
    database,
    now: NOW,
    logger: { debug: quiet, info: quiet, warn: quiet, error: quiet },
    signal: new AbortController().signal,
    checkpoint: async () => {},
  };
  return accessLogPruningJob({ keepYears, batchSize: 3 }).run(context);
}

async function exportHeads(database: Database): Promise<ExportedHeads> {
  return parseExportedHeads(formatExportedHeads(await readChainHeads(database.db), NOW, 'sqlite', null), 'heads.json');
}

const refused = /the access log is append-only/;
const anchorRefused = /an access-log anchor must name an existing entry older than the keep period/;

describe.each(DIALECTS)('pruning the access log on %s', (dialect) => {
  it('removes entries older than the keep period, keeps the rest, and the chain still verifies', async () => {
    const database = await seeded(dialect);
    const rows = await database.db.selectFrom('access_log').selectAll().where('unit_hsa_id', '=', A).execute();
    const seventh = rows.find((r) => r.position === 7);

    expect(await run(database)).toEqual({ counts: { pruned: 7, units: 1 } });
    expect(await chainState(database)).toEqual({
      rows: ['SE-UNIT-A:8', 'SE-UNIT-A:9', 'SE-UNIT-B:1', 'SE-UNIT-B:2'],
      anchors: [{ unit_hsa_id: A, position: 7, last_at: seventh?.at }],
    });
    const anchor = await database.db.selectFrom('access_log_anchor').select('hash').executeTakeFirstOrThrow();
    expect(anchor.hash).toBe(seventh?.hash);
    expect(await verifyAccessLog(database)).toEqual({ entries: 4, problems: [] });

    // A second run, and a longer keep period, find nothing more to do.
    expect(await run(database)).toEqual({ counts: { pruned: 0, units: 0 } });
    expect(await run(database, 7)).toEqual({ counts: { pruned: 0, units: 0 } });
    // New entries go on from the head as before, and verify.
    await writeAccesses(database, A, [0]);
    expect(await verifyAccessLog(database)).toEqual({ entries: 5, problems: [] });
  });

  it('prunes a whole chain when every entry is old, and it still verifies against its head', async () => {
    const database = await createTestDatabase(dialect);
    opened.push(database);
    await writeAccesses(database, A, [3000, 3000]);
    expect(await run(database)).toEqual({ counts: { pruned: 2, units: 1 } });
    expect(await verifyAccessLog(database)).toEqual({ entries: 0, problems: [] });
    await database.db
      .updateTable('access_log_head')
      .set({ hash: 'f'.repeat(64) })
      .execute();
    expect((await verifyAccessLog(database)).problems).toEqual([
      { unitHsaId: A, position: 2, problem: expect.stringMatching(/head does not match the pruning anchor/) },
    ]);
  });

  it('catches, after pruning, a remaining entry changed or removed, an entry written below the anchor, and an altered anchor', async () => {
    const database = await seeded(dialect);
    await run(database);
    const rows = await database.db.selectFrom('access_log').selectAll().where('unit_hsa_id', '=', A).execute();
    const eighth = rows.find((r) => r.position === 8) as (typeof rows)[number];
    // The attacker holds the rights to drop the guard (and the anchor's triggers).
    await dropAccessLogGuard(database.db, dialect);
    await dropAnchorGuard(database);
    const problems = async () => (await verifyAccessLog(database)).problems;

    await database.db
      .updateTable('access_log')
      .set({ staff_hsa_id: 'SE-NOBODY' })
      .where('id', '=', eighth.id)
      .execute();
    expect(await problems()).toEqual([
      { unitHsaId: A, position: 8, problem: 'content was changed after it was written' },
    ]);
    await database.db
      .updateTable('access_log')
      .set({ staff_hsa_id: eighth.staff_hsa_id })
      .where('id', '=', eighth.id)
      .execute();
    expect(await problems()).toEqual([]);

    await database.db.deleteFrom('access_log').where('id', '=', eighth.id).execute();
    expect(await problems()).toEqual([
      {
        unitHsaId: A,
        position: 8,
        problem: expect.stringMatching(
          /^entry 8 is missing: the first entry after the pruning anchor \(entries 1–7 were pruned\)/,
        ),
      },
    ]);
    await database.db.insertInto('access_log').values(eighth).execute();
    expect(await problems()).toEqual([]);

    // An entry forged at a pruned position, where the unique key has room again.
    await database.db
      .insertInto('access_log')
      .values({ ...eighth, id: 'forged', position: 3 })
      .execute();
    expect(await problems()).toEqual([
      { unitHsaId: A, position: 7, problem: expect.stringMatching(/^1 entry lies at or below the pruning anchor/) },
    ]);
    await database.db.deleteFrom('access_log').where('id', '=', 'forged').execute();

    const anchor = await database.db.selectFrom('access_log_anchor').selectAll().executeTakeFirstOrThrow();
    await database.db.updateTable('access_log_anchor').set({ hash: eighth.hash }).execute();
    expect(await problems()).toEqual([
      {
        unitHsaId: A,
        position: 8,
        problem: expect.stringMatching(/^does not continue the pruning anchor .*the anchor or this entry was altered/),
      },
    ]);
    await database.db.updateTable('access_log_anchor').set({ hash: anchor.hash, position: 6 }).execute();
    expect(await problems()).toEqual([
      { unitHsaId: A, position: 7, problem: expect.stringMatching(/^entry 7 is missing: .*or the anchor was altered/) },
    ]);
    // The anchor removed: the chain would have to start at the genesis, and it does not.
    await database.db.deleteFrom('access_log_anchor').execute();
    expect(await problems()).toEqual([{ unitHsaId: A, position: 1, problem: 'entry 1 is missing' }]);
  });

  it('lets the application remove nothing but old entries below an anchor moved forward in the same transaction', async () => {
    const database = await seeded(dialect);
    const db = database.db;
    const entry = (position: number) =>
      db
        .selectFrom('access_log')
        .selectAll()
        .where('unit_hsa_id', '=', A)
        .where('position', '=', position)
        .executeTakeFirstOrThrow();
    // Old entries are not removable without an anchor covering them.
    await expect(
      db.deleteFrom('access_log').where('unit_hsa_id', '=', A).where('position', '=', 1).execute(),
    ).rejects.toThrow(refused);
    // No anchor at a recent entry (4 years old) nor at an invented hash.
    const young = await entry(8);
    const anchorAt = (row: typeof young, hash = row.hash) =>
      db
        .insertInto('access_log_anchor')
        .values({ unit_hsa_id: A, position: row.position, hash, last_at: row.at, pruned_at: NOW.getTime() })
        .execute();
    await expect(anchorAt(young)).rejects.toThrow(anchorRefused);
    await expect(anchorAt(await entry(3), 'a'.repeat(64))).rejects.toThrow(anchorRefused);

    await pruneAccessLogBatch(database, A, keepPeriodStart(NOW, 5), NOW.getTime(), 3);
    // Below the anchor only: entry 4 is old but not covered; and no anchor moves back or goes.
    await expect(
      db.deleteFrom('access_log').where('unit_hsa_id', '=', A).where('position', '=', 4).execute(),
    ).rejects.toThrow(refused);
    await expect(db.updateTable('access_log_anchor').set({ position: 2 }).execute()).rejects.toThrow(anchorRefused);
    await expect(db.deleteFrom('access_log_anchor').execute()).rejects.toThrow(anchorRefused);
    // Nothing may be written at a pruned position, and entries still cannot be changed.
    const fourth = await entry(4);
    await expect(
      db
        .insertInto('access_log')
        .values({ ...fourth, id: 'forged', position: 2 })
        .execute(),
    ).rejects.toThrow(refused);
    await expect(
      db.updateTable('access_log').set({ action: 'list' }).where('id', '=', fourth.id).execute(),
    ).rejects.toThrow(refused);
    if (dialect === 'postgres') {
      await expect(sql`TRUNCATE access_log`.execute(db)).rejects.toThrow(refused);
      await expect(sql`TRUNCATE access_log_anchor`.execute(db)).rejects.toThrow(anchorRefused);
    }
    expect(await verifyAccessLog(database)).toEqual({ entries: 8, problems: [] });
  });

  it('does not prune a part of the chain that does not verify: the evidence stays', async () => {
    const database = await seeded(dialect);
    await dropAccessLogGuard(database.db, dialect);
    await database.db
      .updateTable('access_log')
      .set({ action: 'list' })
      .where('unit_hsa_id', '=', A)
      .where('position', '=', 5)
      .execute();
    await expect(run(database)).rejects.toThrow(
      /the access log of unit SE-UNIT-A is broken at entry 5: content was changed after it was written; nothing of it was pruned/,
    );
    // Batches of 3: entries 1–3 went before the break was reached; 4 and on are kept.
    expect((await chainState(database)).rows.filter((r) => r.startsWith(A))).toEqual(
      [4, 5, 6, 7, 8, 9].map((p) => `${A}:${p}`),
    );
  });

  it('compares exported heads after pruning: a kept entry, the anchor itself, and heads pruned since', async () => {
    const database = await seeded(dialect);
    const atNine = await exportHeads(database);
    const atSeven = structuredClone(atNine);
    const seventh = await database.db
      .selectFrom('access_log')
      .select('hash')
      .where('unit_hsa_id', '=', A)
      .where('position', '=', 7)
      .executeTakeFirstOrThrow();
    const atA = (heads: ExportedHeads) => heads.heads.find((h) => h.unitHsaId === A) as ExportedHeads['heads'][number];
    Object.assign(atA(atSeven), { position: 7, hash: seventh.hash });
    const atTwo = structuredClone(atSeven);
    Object.assign(atA(atTwo), { position: 2, hash: 'b'.repeat(64) });
    await run(database);

    expect(await compareWithExportedHeads(database, atNine)).toEqual({ problems: [], pruned: 0 });
    expect(await compareWithExportedHeads(database, atSeven)).toEqual({ problems: [], pruned: 0 });
    expect(await compareWithExportedHeads(database, atTwo)).toEqual({ problems: [], pruned: 1 });
    Object.assign(atA(atSeven), { hash: 'c'.repeat(64) });
    expect(await compareWithExportedHeads(database, atSeven)).toEqual({
      problems: [{ unitHsaId: A, position: 7, problem: expect.stringMatching(/differs from the head exported/) }],
      pruned: 0,
    });
  });
});
