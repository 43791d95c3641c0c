import { addCalendarDays, isoWeekday, isoWeekOf } from '@kontakta/domain';
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { newRowId } from '../row-id.ts';
import type { DatabaseSchema } from '../schema.ts';
import type { StatGrain, StatLevel, StatMeasure } from '../statistics-schema.ts';

// The statistics' SQL: raise an event's counts in the caller's transaction (one statement each),
// and read counts grouped by period and breakdown from the rollup rows (migration -25) through the
// table's primary key or its covering region index.

export type StatEvent = Readonly<{
  measure: StatMeasure;
  /** `YYYY-MM-DD`, the Swedish day of the event. */
  day: string;
  dimension: string;
  bucket?: number;
}>;

/** Measures whose dimension is the errand type: they also have all-types ('') rows (migration -25). */
const TYPED_MEASURES: ReadonlySet<StatMeasure> = new Set([
  'errand-sent',
  'errand-answered',
  'answer-time',
  'answer-days',
]);
const ALL_TYPES = '';
const LEVELS: readonly StatLevel[] = ['unit', 'municipality', 'region'];

/** The (grain, period, dimension) of every rollup row one event raises at one level. */
function rollupCells(event: StatEvent): Array<{ grain: StatGrain; period: string; dimension: string }> {
  const periods: Array<[StatGrain, string]> = [
    ['day', event.day],
    ['week', isoWeekOf(event.day)],
    ['month', event.day.slice(0, 7)],
  ];
  const dimensions = TYPED_MEASURES.has(event.measure) ? [event.dimension, ALL_TYPES] : [event.dimension];
  return periods.flatMap(([grain, period]) => dimensions.map((dimension) => ({ grain, period, dimension })));
}

const ON_CONFLICT = sql`on conflict (measure, level, place, grain, period, dimension, bucket)
  do update set count = stat_rollup.count + excluded.count`;

/**
 * Counts an event at a unit, named or found from an errand: one pending row, in the event's
 * transaction, folded into the rollup later (foldPendingStats). Raising the 18 rollup rows here
 * cost a send about 1 ms of CPU (migration 2026-12-06-28).
 */
export async function incrementUnitStat(
  db: Kysely<DatabaseSchema>,
  at: Readonly<{ unitHsaId: string } | { errandId: string }>,
  event: StatEvent,
): Promise<void> {
  const row = {
    id: newRowId(),
    measure: event.measure,
    day: event.day,
    dimension: event.dimension,
    bucket: event.bucket ?? 0,
  };
  if ('unitHsaId' in at) {
    await db
      .insertInto('stat_pending')
      .values({ ...row, unit_hsa_id: at.unitHsaId })
      .execute();
    return;
  }
  await db
    .insertInto('stat_pending')
    .columns(['id', 'measure', 'day', 'dimension', 'bucket', 'unit_hsa_id'])
    .expression((eb) =>
      eb
        .selectFrom('errand')
        .select([
          eb.val(row.id).as('id'),
          eb.val(row.measure).as('measure'),
          eb.val(row.day).as('day'),
          eb.val(row.dimension).as('dimension'),
          eb.val(row.bucket).as('bucket'),
          'unit_hsa_id',
        ])
        .where('id', '=', at.errandId),
    )
    .execute();
}

const FOLD_BATCH = 5000;

/**
 * Folds pending counts into the rollup, a batch per transaction, until none are left; returns how
 * many events it folded. Each batch is claimed by deleting it (on PostgreSQL skipping rows another
 * folder holds), and events of the same unit, measure, day, type and bucket become one upsert.
 */
export async function foldPendingStats(db: Kysely<DatabaseSchema>): Promise<number> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  let folded = 0;
  for (;;) {
    const claimed = await db.transaction().execute(async (trx) => {
      const batch = trx.selectFrom('stat_pending').select('id').limit(FOLD_BATCH);
      const rows = await trx
        .deleteFrom('stat_pending')
        .where('id', 'in', postgres ? batch.forUpdate().skipLocked() : batch)
        .returning(['measure', 'unit_hsa_id', 'day', 'dimension', 'bucket'])
        .execute();
      const groups = new Map<string, { unitHsaId: string; event: StatEvent; count: number }>();
      for (const row of rows) {
        const key = JSON.stringify([row.measure, row.unit_hsa_id, row.day, row.dimension, row.bucket]);
        const group = groups.get(key);
        if (group) group.count += 1;
        else groups.set(key, { unitHsaId: row.unit_hsa_id, event: row, count: 1 });
      }
      for (const group of groups.values()) await raiseUnitStat(trx, group.unitHsaId, group.event, group.count);
      return rows.length;
    });
    folded += claimed;
    if (claimed < FOLD_BATCH) return folded;
  }
}

/**
 * Adds `count` to an event's counts at a unit: its day, week and month at the unit, its
 * municipality and its region (and for errand measures the same for all types), in ONE
 * statement, a multi-row upsert whose rows are the cross product of the unit's row and the cells.
 */
async function raiseUnitStat(
  db: Kysely<DatabaseSchema>,
  unitHsaId: string,
  event: StatEvent,
  count: number,
): Promise<void> {
  const cells = rollupCells(event).flatMap((cell) =>
    LEVELS.map(
      (level) =>
        sql`(${sql.lit(level)}, ${sql.lit(cell.grain)}, cast(${cell.period} as text), cast(${cell.dimension} as text))`,
    ),
  );
  // VALUES' columns are column1… on both databases.
  await sql`
    insert into stat_rollup
      (measure, level, place, grain, period, dimension, bucket, region_code, municipality_code, count)
    select cast(${event.measure} as text), v.column1,
      case v.column1 when 'unit' then u.hsa_id when 'municipality' then u.municipality_code else u.region_code end,
      v.column2, v.column3, v.column4, cast(${event.bucket ?? 0} as integer), u.region_code,
      case v.column1 when 'region' then '' else u.municipality_code end, cast(${count} as bigint)
    from care_unit u cross join (values ${sql.join(cells)}) as v
    where u.hsa_id = ${unitHsaId}
    ${ON_CONFLICT}`.execute(db);
}

/**
 * Adds one to the counts of an event of no unit (a citizen's login, a proxy's start or end), placed
 * by municipality and region: its day, week and month at both, in one multi-row upsert.
 */
export async function incrementPlaceStat(
  db: Kysely<DatabaseSchema>,
  place: { regionCode: string; municipalityCode: string },
  event: StatEvent,
): Promise<void> {
  const rows = rollupCells(event).flatMap((cell) => [
    {
      ...cell,
      level: 'municipality' as const,
      place: place.municipalityCode,
      municipality_code: place.municipalityCode,
    },
    { ...cell, level: 'region' as const, place: place.regionCode, municipality_code: '' },
  ]);
  await db
    .insertInto('stat_rollup')
    .values(
      rows.map((row) => ({
        ...row,
        measure: event.measure,
        bucket: event.bucket ?? 0,
        region_code: place.regionCode,
        count: 1,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['measure', 'level', 'place', 'grain', 'period', 'dimension', 'bucket'])
        .doUpdateSet({ count: sql<number>`stat_rollup.count + excluded.count` }),
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

/** A run of rollup rows of one grain, `first`..`last` periods; `target` the period they count for, if fixed. */
type Segment = { grain: StatGrain; first: string; last: string; target?: string };

/** Whole ISO weeks inside `from`..`to` as week rows, the days before and after them as day rows. */
function weeksAndDays(from: string, to: string, target?: string): Segment[] {
  const monday = addCalendarDays(from, (8 - isoWeekday(from)) % 7);
  const sunday = addCalendarDays(to, -(isoWeekday(to) % 7));
  if (addCalendarDays(monday, 6) > sunday) return [{ grain: 'day', first: from, last: to, target }];
  const segments: Segment[] = [{ grain: 'week', first: isoWeekOf(monday), last: isoWeekOf(sunday), target }];
  if (from < monday) segments.push({ grain: 'day', first: from, last: addCalendarDays(monday, -1), target });
  if (sunday < to) segments.push({ grain: 'day', first: addCalendarDays(sunday, 1), last: to, target });
  return segments;
}

/** Whole months as month rows; a month cut by `from` or `to` as weeks and days that count for it. */
function monthsWeeksAndDays(from: string, to: string, total: boolean): Segment[] {
  const segments: Segment[] = [];
  let whole: Segment | undefined;
  for (let start = from; start <= to; ) {
    const month = start.slice(0, 7);
    const monthEnd = addCalendarDays(`${addCalendarDays(`${month}-28`, 4).slice(0, 7)}-01`, -1);
    const end = monthEnd < to ? monthEnd : to;
    if (start.endsWith('-01') && end === monthEnd) {
      whole ??= { grain: 'month', first: month, last: month, target: total ? '' : undefined };
      whole.last = month;
    } else segments.push(...weeksAndDays(start, end, total ? '' : month));
    start = addCalendarDays(end, 1);
  }
  return whole ? [whole, ...segments] : segments;
}

/** The fewest rollup rows that cover `from`..`to` at a grouping (null: the whole period as one). */
export function segmentsFor(from: string, to: string, grouping: StatPeriodColumn | null): Segment[] {
  if (grouping === 'day') return [{ grain: 'day', first: from, last: to }];
  if (grouping === 'week') return weeksAndDays(from, to);
  return monthsWeeksAndDays(from, to, grouping === null);
}

/**
 * Counts of one measure between two days (both included) in a scope, summed per period, per
 * `key` column and per `sub` column (null: one group). Reads the coarsest rollup rows that answer
 * it: the region's (or unit's) own rows unless broken down by unit or municipality, all-types
 * rows unless broken down by type, month rows for whole months. Each segment is one range of
 * the primary key (a place) or of the covering region index (a region's units or municipalities).
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
    /**
     * Only these places (units or municipalities, at the level the key gives): one page of a
     * breakdown, read as one range of the primary key per place. Taken from the scope's own
     * units, so they stand in for the scope's condition.
     */
    places?: readonly string[];
  },
): Promise<StatGroupRow[]> {
  const { scope } = query;
  // No place to read: nothing to sum (and `in ()` is not SQL).
  const places = query.places;
  if (places !== undefined && places.length === 0) return [];
  const byDimension = query.key === 'dimension' || query.sub === 'dimension';
  const level: StatLevel =
    scope.kind === 'unit' || query.key === 'unit_hsa_id' || query.sub === 'unit_hsa_id'
      ? 'unit'
      : query.key === 'municipality_code' || query.sub === 'municipality_code'
        ? 'municipality'
        : 'region';
  const column = (name: StatKeyColumn | 'period') =>
    name === null ? sql<string>`''` : sql<string>`${sql.ref(name === 'unit_hsa_id' ? 'place' : name)}`;
  // Grouped by the stored columns only, never by a constant: then a grid of periods × units (or
  // × types) is one stream in the index's order (period, place / dimension) with no sort of its
  // rows ("USE TEMP B-TREE FOR GROUP BY" on SQLite), and the statement's work is the rows it reads.
  const grouped = [
    ...new Set([query.period === null ? null : ('period' as const), query.key, query.sub].filter((c) => c !== null)),
  ].map((name) => sql.ref(name === 'unit_hsa_id' ? 'place' : name));
  const sums = new Map<string, StatGroupRow>();
  const segments = segmentsFor(query.from, query.to, query.period);
  // One range read at the grain asked for (e.g. days per day): the database's groups are the
  // answer's, nothing to add up here.
  const only = segments.length === 1 ? segments[0] : undefined;
  const asStored = only !== undefined && only.target === undefined && only.grain === query.period;
  // One statement per segment, all sent at once: on PostgreSQL they run side by side on the pool's
  // connections. (Not one UNION ALL of them: PostgreSQL planned that three times slower for a
  // page of units at 1 M errands.)
  const branches = segments.map((segment) =>
    db
      .selectFrom('stat_rollup')
      .select([
        column(query.period === null ? null : 'period').as('period'),
        column(query.key).as('key'),
        column(query.sub).as('sub'),
        sql<number | null>`sum(count)`.as('count'),
      ])
      .where('measure', '=', query.measure)
      .where('level', '=', level)
      .$if(places !== undefined, (qb) => qb.where('place', 'in', places as string[]))
      .$if(places === undefined && scope.kind === 'unit', (qb) =>
        qb.where('place', '=', scope.kind === 'unit' ? scope.unitHsaId : ''),
      )
      .$if(places === undefined && scope.kind === 'region', (qb) =>
        qb.where(level === 'region' ? 'place' : 'region_code', '=', scope.kind === 'region' ? scope.regionCode : ''),
      )
      .where('grain', '=', segment.grain)
      .$if(TYPED_MEASURES.has(query.measure) && !byDimension, (qb) => qb.where('dimension', '=', ALL_TYPES))
      .$if(!TYPED_MEASURES.has(query.measure) || byDimension, (qb) => qb.where('dimension', '>', ALL_TYPES))
      .where('period', '>=', segment.first)
      .where('period', '<=', segment.last)
      .$if(grouped.length > 0, (qb) => qb.groupBy(grouped)),
  );
  const results = await Promise.all(branches.map((branch) => branch.execute()));
  if (asStored)
    return (results[0] ?? []).map((row) => ({
      period: String(row.period),
      key: String(row.key),
      sub: String(row.sub),
      count: Number(row.count),
    }));
  for (const [index, rows] of results.entries())
    for (const row of rows) {
      // Without any grouping (one sum of everything) an empty range still gives a row, of no sum.
      if (row.count === null) continue;
      const segment = segments[index] as Segment;
      const stored = String(row.period);
      const period =
        query.period === null
          ? ''
          : (segment.target ??
            (segment.grain === query.period
              ? stored
              : query.period === 'week'
                ? isoWeekOf(stored)
                : stored.slice(0, 7)));
      const group = `${period}\u0000${row.key}\u0000${row.sub}`;
      const sum = sums.get(group);
      if (sum) sum.count += Number(row.count);
      else sums.set(group, { period, key: String(row.key), sub: String(row.sub), count: Number(row.count) });
    }
  return [...sums.values()];
}

/** Lower edges of the unanswered-by-age buckets, in days (calendar days, not working days). */
export const UNANSWERED_AGE_DAYS: readonly number[] = [0, 1, 3, 7, 14, 30];

/**
 * Errands waiting for the units of a scope now, per unit (and errand type when asked), counted per
 * age bucket. Current state, not history: it reads the waiting errands of each unit through the
 * `errand_unit_waiting_order_idx` index (unit, waiting_since, …), not the unit's whole errand history.
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

/** The region of a unit, or undefined for a unit the installation does not have. */
export async function findUnitRegion(db: Kysely<DatabaseSchema>, unitHsaId: string): Promise<string | undefined> {
  const row = await db.selectFrom('care_unit').select('region_code').where('hsa_id', '=', unitHsaId).executeTakeFirst();
  return row?.region_code;
}
