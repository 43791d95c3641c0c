import { searchWords } from '@kontakta/domain';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createErrandFixture, type ErrandFixture } from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';
import { searchCareUnits } from '../repositories/unit.repository.ts';
import { down, up } from './2026-12-06-12-unit-search-folding.ts';

// Rows written before folding get the folded search text from the migration, not only at the next
// organisation sync; and the way back restores what was there.
describe.each(DIALECTS)('the unit search folding migration on %s', (dialect) => {
  let f: ErrandFixture;
  beforeAll(async () => {
    f = await createErrandFixture(dialect);
  });
  afterAll(async () => f.close());

  const searchTexts = async () =>
    f.database.db.selectFrom('care_unit').select(['hsa_id', 'search_text']).orderBy('hsa_id').execute();
  const found = async (q: string) =>
    (await searchCareUnits(f.database.db, searchWords(q), 50)).map((unit) => unit.name).sort();
  const db = () => f.database.db as unknown as Kysely<unknown>;

  it('recomputes the search text of every unit, and down restores the earlier form', async () => {
    const synced = await searchTexts();
    await down(db());
    const before = await searchTexts();
    expect(before.find((unit) => unit.hsa_id === f.unit)?.search_text).toBe(
      'vårdcentralen solgläntan stockholm farsta',
    );
    expect(await found('solglantan')).toEqual([]);

    await up(db());
    expect(await searchTexts()).toEqual(synced);
    expect(await found('solglantan')).toEqual(['Barnavårdscentralen Solgläntan', 'Vårdcentralen Solgläntan']);
    expect(await found('12352 vardcentralen')).toEqual(['Vårdcentralen Solgläntan']);
  });
});
