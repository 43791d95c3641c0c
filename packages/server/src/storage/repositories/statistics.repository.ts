import { isoWeekOf } from '@kontakta/domain';
import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';
import type { StatMeasure } from '../statistics-schema.ts';

// The statistics' SQL: raise a count in the caller's transaction (one statement each), and read
// counts grouped by period and breakdown through the table's primary key or its region index.

export type StatEvent = Readonly<{
  measure: StatMeasure;
  /** `YYYY-MM-DD`, the Swedish day of the event. */
  day: string;
  dimension: string;
  bucket?: number;
}>;

/** A parameter typed as text, so PostgreSQL knows it in a select list. */
function text(value: string) {
  return sql<string>`cast(${value} as text)`;
}

function dayColumns(day: string) {
  return { day, week: isoWeekOf(day), month: day.slice(0, 7) };
}

/**
 * Adds one to the count of an event at a unit, named or found from an errand in the same
 * statement; its region and municipality come from the unit.
 */
export async function incrementUnitStat(
  db: Kysely<DatabaseSchema>,
  at: Readonly<{ unitHsaId: string } | { errandId: string }>,
  event: StatEvent,
): Promise<void> {
  const { day, week, month } = dayColumns(event.day);
  await db
    .insertInto('stat_count')
    .columns([
      'measure',
      'unit_hsa_id',
      'day',
      'week',
      'month',
      'dimension',
      'bucket',
      'region_code',
      'municipality_code',
      'count',
    ])
    .expression((eb) =>
      eb
        .selectFrom('care_unit')
        .select([
          text(event.measure).as('measure'),
          'hsa_id',
          text(day).as('day'),
          text(week).as('week'),
          text(month).as('month'),
          text(event.dimension).as('dimension'),
          sql<number>`cast(${event.bucket ?? 0} as integer)`.as('bucket'),
          'region_code',
          'municipality_code',
          sql<number>`cast(1 as bigint)`.as('count'),
        ])
        .where((where) =>
          'errandId' in at
            ? where('hsa_id', '=', where.selectFrom('errand').select('unit_hsa_id').where('id', '=', at.errandId))
            : where('hsa_id', '=', at.unitHsaId),
        ),
    )
    .onConflict((oc) =>
      oc
        .columns(['measure', 'unit_hsa_id', 'day', 'dimension', 'bucket', 'municipality_code'])
        .doUpdateSet({ count: sql<number>`stat_count.count + 1` }),
    )
    .execute();
}

/** Adds one to the count of an event of no unit (a citizen's login), placed by municipality and region. */
export async function incrementPlaceStat(
  db: Kysely<DatabaseSchema>,
  place: { regionCode: string; municipalityCode: string },
  event: StatEvent,
): Promise<void> {
  await db
    .insertInto('stat_count')
    .values({
      measure: event.measure,
      unit_hsa_id: '',
      ...dayColumns(event.day),
      dimension: event.dimension,
      bucket: event.bucket ?? 0,
      region_code: place.regionCode,
      municipality_code: place.municipalityCode,
      count: 1,
    })
    .onConflict((oc) =>
      oc
        .columns(['measure', 'unit_hsa_id', 'day', 'dimension', 'bucket', 'municipality_code'])
        .doUpdateSet({ count: sql<number>`stat_count.count + 1` }),
    )
    .execute();
}

export type StatScope =
  | Readonly<{ kind: 'unit'; unitHsaId: string }>
  | Readonly<{ kind: 'region'; regionCode: string }>
  | Readonly<{ kind: 'all' }>;

export type StatPeriodColumn = 'day' | 'week' | 'month';
export type StatKeyColumn = 'unit_hsa_id' | 'municipality_code' | 'region_code' | 'dimension' | 'bucket' | null;

export type StatGroupRow = { period: string; key: string; sub: string; count: number };

/**
 * Counts of one measure between two days (both included) in a scope, summed per period, per
 * `key` column and per `sub` column (null: one group). Uses the primary key (unit) or the region
 * index (region), so it reads only the scope's aggregate rows.
 */
export async function sumStats(
  db: Kysely<DatabaseSchema>,
  query: {
    measure: StatMeasure;
    scope: StatScope;
    from: string;
    to: string;
    period: StatPeriodColumn | null;
    key: StatKeyColumn;
    sub: StatKeyColumn;
  },
): Promise<StatGroupRow[]> {
  const column = (name: StatKeyColumn | StatPeriodColumn | null) =>
    name === null ? sql<string>`''` : sql<string>`${sql.ref(name)}`;
  const { scope } = query;
  const rows = await db
    .selectFrom('stat_count')
    .select([
      column(query.period).as('period'),
      column(query.key).as('key'),
      column(query.sub).as('sub'),
      sql<number>`sum(count)`.as('count'),
    ])
    .where('measure', '=', query.measure)
    .$if(scope.kind === 'unit', (qb) => qb.where('unit_hsa_id', '=', scope.kind === 'unit' ? scope.unitHsaId : ''))
    .$if(scope.kind === 'region', (qb) => qb.where('region_code', '=', scope.kind === 'region' ? scope.regionCode : ''))
    .where('day', '>=', query.from)
    .where('day', '<=', query.to)
    .groupBy([sql`1`, sql`2`, sql`3`])
    .execute();
  return rows.map((row) => ({
    period: String(row.period),
    key: String(row.key),
    sub: String(row.sub),
    count: Number(row.count),
  }));
}

/** Lower edges of the unanswered-by-age buckets, in days (calendar days, not working days). */
export const UNANSWERED_AGE_DAYS: readonly number[] = [0, 1, 3, 7, 14, 30];

/**
 * Errands waiting for the units of a scope now, per unit (and errand type when asked), counted per
 * age bucket. Current state, not history: it reads the waiting errands of each unit through the
 * `errand_unit_waiting_idx` index (unit, waiting_since), not the unit's whole errand history.
 */
export async function countWaitingByAge(
  db: Kysely<DatabaseSchema>,
  unitHsaIds: readonly string[],
  now: number,
  byType: boolean,
): Promise<Array<{ unitHsaId: string; errandType: string; bucket: number; count: number }>> {
  if (unitHsaIds.length === 0) return [];
  const edges = UNANSWERED_AGE_DAYS.map((days) => now - days * 86_400_000);
  // Bucket i holds waits since (edge i+1, edge i]; the last bucket everything older.
  const cases = edges
    .slice(1)
    .map((edge, index) => sql`when waiting_since > ${edge} then ${index}`)
    .reduce((all, next) => sql`${all} ${next}`);
  const bucket = sql<number>`case ${cases} else ${UNANSWERED_AGE_DAYS.length - 1} end`;
  const type = byType ? sql<string>`errand_type` : sql<string>`''`;
  const results: Array<{ unitHsaId: string; errandType: string; bucket: number; count: number }> = [];
  // A few hundred units at most per region; one indexed range per unit keeps each query small.
  for (let start = 0; start < unitHsaIds.length; start += 500) {
    const rows = await db
      .selectFrom('errand')
      .select(['unit_hsa_id', type.as('errand_type'), bucket.as('bucket'), sql<number>`count(*)`.as('count')])
      .where('unit_hsa_id', 'in', unitHsaIds.slice(start, start + 500))
      .where('waiting_since', 'is not', null)
      .groupBy([sql`1`, sql`2`, sql`3`])
      .execute();
    for (const row of rows)
      results.push({
        unitHsaId: row.unit_hsa_id,
        errandType: String(row.errand_type),
        bucket: Number(row.bucket),
        count: Number(row.count),
      });
  }
  return results;
}

export type StatUnit = {
  hsaId: string;
  name: string;
  regionCode: string;
  municipalityCode: string;
  municipalityName: string;
};

/** The units of a scope with their names and places. */
export async function listStatUnits(db: Kysely<DatabaseSchema>, scope: StatScope): Promise<StatUnit[]> {
  const rows = await db
    .selectFrom('care_unit')
    .select(['hsa_id', 'name', 'region_code', 'municipality_code', 'municipality_name'])
    .$if(scope.kind === 'unit', (qb) => qb.where('hsa_id', '=', scope.kind === 'unit' ? scope.unitHsaId : ''))
    .$if(scope.kind === 'region', (qb) => qb.where('region_code', '=', scope.kind === 'region' ? scope.regionCode : ''))
    .orderBy('name')
    .execute();
  return rows.map((row) => ({
    hsaId: row.hsa_id,
    name: row.name,
    regionCode: row.region_code,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
  }));
}

export async function listRegionNames(db: Kysely<DatabaseSchema>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('region').select(['code', 'name']).execute();
  return new Map(rows.map((row) => [row.code, row.name]));
}

/** Names of units' own errand types (custom-…), by type id. */
export async function listCustomTypeNames(
  db: Kysely<DatabaseSchema>,
  errandTypes: readonly string[],
): Promise<Map<string, { sv: string; en: string }>> {
  if (errandTypes.length === 0) return new Map();
  const rows = await db
    .selectFrom('unit_errand_type')
    .select(['errand_type', 'name_sv', 'name_en'])
    .where('errand_type', 'in', [...errandTypes])
    .execute();
  return new Map(
    rows.flatMap((row) =>
      row.name_sv && row.name_en ? [[row.errand_type, { sv: row.name_sv, en: row.name_en }]] : [],
    ),
  );
}

/** Whether a unit belongs to a region. */
export async function isUnitInRegion(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  regionCode: string,
): Promise<boolean> {
  const found = await db
    .selectFrom('care_unit')
    .select('hsa_id')
    .where('hsa_id', '=', unitHsaId)
    .where('region_code', '=', regionCode)
    .executeTakeFirst();
  return found !== undefined;
}
