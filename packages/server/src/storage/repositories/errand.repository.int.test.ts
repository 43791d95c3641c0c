import { randomUUID } from 'node:crypto';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../testing/test-databases.ts';
import type { DatabaseSchema, ErrandTable } from '../schema.ts';
import { openNodeSqlite } from '../sqlite-driver.ts';
import {
  insertErrand,
  listAssignedErrands,
  listUnitErrands,
  type OrderedCursor,
  orderKeyOf,
  type StaffErrandSummaryRow,
  type UnitInboxOrder,
} from './errand.repository.ts';
import { insertFormVersion } from './errand-type.repository.ts';
import { upsertCareUnits, upsertRegions } from './organisation.repository.ts';

// The unit inbox with several statuses is read one status at a time and merged (so it stays fast
// however long the unit's history); the merged pages must be exactly what one query would give.

describe.each(DIALECTS)('a unit inbox over several statuses on %s', (dialect) => {
  let database: TestDatabase;
  let unit: string;
  const statuses: ErrandTable['status'][] = ['new', 'open', 'assigned', 'answered', 'closed'];
  const types = ['renew-prescription', 'advice'];
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    unit = 'SE2321000016-E0101';
    await upsertRegions(database.db, [{ code: '01', name: 'Region Stockholm', updated_at: 1 }]);
    await upsertCareUnits(database.db, [
      {
        hsa_id: unit,
        name: 'Vårdcentralen Solgläntan',
        region_code: '01',
        kind: 'primary-care',
        municipality_code: '0180',
        municipality_name: 'Stockholm',
        street: 'Gläntvägen 14',
        postal_code: '123 52',
        city: 'Farsta',
        search_text: 'vårdcentralen solgläntan stockholm farsta',
        updated_at: 1,
      },
    ]);
    const citizenId = randomUUID();
    await database.db
      .insertInto('citizen')
      .values({
        id: citizenId,
        personnummer: '191212121212',
        given_name: 'Tolvan',
        family_name: 'Tolvansson',
        created_at: 1,
        last_login_at: null,
      })
      .execute();
    const versions = types.map((type) => ({ errand_type: type, current_version_id: randomUUID() }));
    for (const version of versions) {
      await insertFormVersion(database.db, {
        id: version.current_version_id,
        unit_hsa_id: unit,
        errand_type: version.errand_type,
        version: 1,
        definition: '{}',
        answer_definition: '{}',
        created_at: 1,
        created_by: null,
      });
    }
    // Thirty errands; several share a creation time so the id decides their order.
    for (let n = 0; n < 30; n++) {
      const type = types[n % 2] as string;
      await insertErrand(database.db, {
        id: randomUUID(),
        citizen_id: citizenId,
        sent_by_citizen_id: citizenId,
        unit_hsa_id: unit,
        errand_type: type,
        form_version_id: versions.find((v) => v.errand_type === type)?.current_version_id as string,
        status: statuses[(n * 7) % 5] as ErrandTable['status'],
        assigned_to: null,
        answered_by: '[]',
        reply_allowed: 0,
        unread_by_citizen: 0,
        archived_by_citizen: 0,
        has_answer: 0,
        wrapped_key: new Uint8Array([1]),
        key_id: 'k',
        created_at: 1000 + Math.floor(n / 3),
        first_answered_at: null,
        // Some wait (a few equally long, so the order's ties are broken by received and id).
        waiting_since: n % 3 === 0 ? null : 5000 - (n % 4),
        last_event_at: 1000,
        version: 1,
      });
    }
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function allPages(
    filter: Parameters<typeof listUnitErrands>[2],
    limit: number,
    order: UnitInboxOrder = 'received',
  ): Promise<string[]> {
    const seen: string[] = [];
    let after: OrderedCursor | undefined;
    for (;;) {
      const rows: StaffErrandSummaryRow[] = await listUnitErrands(database.db, unit, filter, limit, after, order);
      seen.push(...rows.map((r) => r.id));
      const last = rows.at(-1);
      if (rows.length < limit || !last) return seen;
      after = { k: orderKeyOf(last, order), at: last.created_at, id: last.id };
    }
  }

  it.each([
    ['received-desc', 'created_at', 'desc'],
    ['waiting', 'waiting_since', 'asc'],
    ['type', 'errand_type', 'asc'],
    ['status', 'status', 'asc'],
  ] as const)('pages through every errand ordered by %s, each once', async (order, column, direction) => {
    let expectedQuery = database.db
      .selectFrom('errand')
      .select('id')
      .where('unit_hsa_id', '=', unit)
      .$if(order === 'waiting', (q) => q.where('waiting_since', 'is not', null));
    if (column !== 'created_at') expectedQuery = expectedQuery.orderBy(column, direction);
    const expected = await expectedQuery.orderBy('created_at', direction).orderBy('id', direction).execute();
    expect(expected.length).toBeGreaterThan(4);
    expect(await allPages({}, 3, order)).toEqual(expected.map((r) => r.id));
  });

  it.each([
    ['unanswered', { statuses: ['new', 'open', 'assigned'] as ErrandTable['status'][] }],
    [
      'unanswered renewals',
      { statuses: ['new', 'open', 'assigned'] as ErrandTable['status'][], errandType: 'renew-prescription' },
    ],
    ['answered or closed', { statuses: ['answered', 'closed'] as ErrandTable['status'][] }],
  ])('pages the %s oldest first, each once, as a single query orders them', async (_name, filter) => {
    const expected = await database.db
      .selectFrom('errand')
      .select('id')
      .where('unit_hsa_id', '=', unit)
      .where('status', 'in', filter.statuses)
      .$if('errandType' in filter, (q) => q.where('errand_type', '=', (filter as { errandType: string }).errandType))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    expect(expected.length).toBeGreaterThan(4);
    expect(await allPages(filter, 4)).toEqual(expected.map((r) => r.id));
    expect(await allPages(filter, 100)).toEqual(expected.map((r) => r.id));
  });
  it('gives every staff list row the citizen it is about, from the citizen table', async () => {
    const unitRows = await listUnitErrands(database.db, unit, { statuses: ['new', 'open'] }, 5);
    await database.db
      .updateTable('errand')
      .set({ assigned_to: 'SE-CAREGIVER', status: 'assigned' })
      .where('status', '=', 'open')
      .execute();
    const assigned = await listAssignedErrands(database.db, 'SE-CAREGIVER', [unit], ['assigned'], 5);
    expect(unitRows.length).toBeGreaterThan(0);
    expect(assigned.length).toBeGreaterThan(0);
    for (const row of [...unitRows, ...assigned]) {
      expect(row).toMatchObject({
        citizen_personnummer: '191212121212',
        citizen_given_name: 'Tolvan',
        citizen_family_name: 'Tolvansson',
      });
    }
    // Another unit's or caregiver's lists stay empty.
    expect(await listUnitErrands(database.db, 'SE2321000016-E9999', {}, 5)).toEqual([]);
    expect(await listAssignedErrands(database.db, 'SE-SOMEONE-ELSE', [unit], ['assigned'], 5)).toEqual([]);
  });

  it.runIf(dialect === 'sqlite')('walks an errand index and looks the citizen up by its key', async () => {
    const captured: Array<{ sql: string; parameters: readonly unknown[] }> = [];
    const config = database.config as { file: string };
    const logged = new Kysely<DatabaseSchema>({
      dialect: new SqliteDialect({ database: openNodeSqlite(config.file).database }),
      log: (event) => {
        if (event.level === 'query') captured.push({ sql: event.query.sql, parameters: event.query.parameters });
      },
    });
    try {
      await listUnitErrands(logged, unit, { statuses: ['new', 'open', 'assigned'] }, 26);
      await listUnitErrands(logged, unit, {}, 26, { k: 1000, at: 1000, id: 'a' });
      for (const order of ['received-desc', 'waiting', 'type', 'status'] as const) {
        await listUnitErrands(logged, unit, {}, 26, undefined, order);
      }
      await listUnitErrands(logged, unit, { statuses: ['closed'], errandType: 'advice' }, 26);
      await listAssignedErrands(logged, 'SE-CAREGIVER', [unit], ['assigned', 'answered'], 26);
      expect(captured.length).toBe(10);
      for (const query of [...captured]) {
        const plan = (await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${sql.raw(query.sql)}`.execute(database.db)).rows
          .map((row) => row.detail)
          .join('\n');
        expect(plan, query.sql).toMatch(/SEARCH errand USING INDEX errand_/);
        expect(plan, query.sql).toMatch(/SEARCH citizen USING INDEX sqlite_autoindex_citizen_1 \(id=\?\)/);
        expect(plan, query.sql).not.toMatch(/SCAN (errand|citizen)|TEMP B-TREE/);
      }
    } finally {
      await logged.destroy();
    }
  });
});
