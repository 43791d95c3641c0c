import { describe, expect, it } from 'vitest';
import type { Database } from '../storage/database.ts';
import { incrementUnitStat } from '../storage/repositories/statistics.repository.ts';
import { createTestDatabase, DIALECTS } from '../testing/test-databases.ts';
import { checkResumable } from './scheduler/resumability.test-support.ts';
import { statisticsFoldJob } from './statistics-fold.job.ts';

const NOW = new Date('2026-12-06T09:07:00Z');
const UNIT = 'SE2321000016-F0LD';

async function seed(database: Database): Promise<void> {
  const { db } = database;
  await db.insertInto('region').values({ code: '01', name: 'Region Stockholm', updated_at: 0 }).execute();
  await db
    .insertInto('care_unit')
    .values({
      hsa_id: UNIT,
      name: 'Vårdcentralen Vikingen',
      region_code: '01',
      kind: 'primary-care',
      municipality_code: '0180',
      municipality_name: 'Stockholm',
      street: 'Vikingagatan 1',
      postal_code: '113 42',
      city: 'Stockholm',
      search_text: 'vardcentralen vikingen',
      updated_at: 0,
    })
    .execute();
  // Three errands of one type and one of another on the same day: two groups, four events.
  for (const dimension of ['renew-prescription', 'renew-prescription', 'renew-prescription', 'contact-me']) {
    await incrementUnitStat(db, { unitHsaId: UNIT }, { measure: 'errand-sent', day: '2026-12-06', dimension });
  }
}

/** The month's counts at each level for each type ('' = all types), and how many wait. */
async function monthCounts(database: Database) {
  const rows = await database.db
    .selectFrom('stat_rollup')
    .select(['level', 'dimension', 'count'])
    .where('grain', '=', 'month')
    .orderBy('level')
    .orderBy('dimension')
    .execute();
  const pending = await database.db.selectFrom('stat_pending').select('id').execute();
  return { rows: rows.map((r) => `${r.level} ${r.dimension || '(all)'} ${Number(r.count)}`), pending: pending.length };
}

describe.each(DIALECTS)('the statistics-fold job on %s', (dialect) => {
  it('folds pending counts into every level once, and survives being killed at any point', async () => {
    const { clean, checkpoints } = await checkResumable({
      createDatabase: () => createTestDatabase(dialect),
      seed,
      job: statisticsFoldJob(),
      now: NOW,
      snapshot: monthCounts,
    });
    expect(clean).toEqual({
      rows: [
        'municipality (all) 4',
        'municipality contact-me 1',
        'municipality renew-prescription 3',
        'region (all) 4',
        'region contact-me 1',
        'region renew-prescription 3',
        'unit (all) 4',
        'unit contact-me 1',
        'unit renew-prescription 3',
      ],
      pending: 0,
    });
    expect(checkpoints).toBe(2);
  });
});
