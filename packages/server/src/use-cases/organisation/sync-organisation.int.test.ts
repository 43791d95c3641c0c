import { afterEach, describe, expect, it } from 'vitest';
import { buildDemoRegister, createFileRegister } from '../../registers/index.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../testing/test-databases.ts';
import { syncOrganisation } from './sync-organisation.ts';

const databases: TestDatabase[] = [];
afterEach(async () => Promise.all(databases.splice(0).map((d) => d.drop())));

describe.each(DIALECTS)('syncing the organisation from the HSA catalogue on %s', (dialect) => {
  it('loads all 21 regions and every demo unit, and a second sync updates rather than duplicates', async () => {
    const database = await createTestDatabase(dialect);
    databases.push(database);
    const register = createFileRegister(buildDemoRegister(new Date('2026-11-22T10:00:00Z')));
    expect(await syncOrganisation(database, register, 1)).toEqual({ regions: 21, units: 34 });
    expect(await syncOrganisation(database, register, 2)).toEqual({ regions: 21, units: 34 });

    const regions = await database.db.selectFrom('region').selectAll().orderBy('code').execute();
    expect(regions).toHaveLength(21);
    expect(regions[0]).toEqual({ code: '01', name: 'Region Stockholm', updated_at: 2 });
    const units = await database.db.selectFrom('care_unit').selectAll().execute();
    expect(units).toHaveLength(34);
    expect(new Set(units.map((u) => u.region_code)).size).toBeGreaterThanOrEqual(5);
    expect(units.every((u) => u.search_text === u.search_text.toLowerCase())).toBe(true);
  });
});
