import type {
  Statistics,
  StatisticsBreakdown,
  StatisticsQuery,
  StatisticsRow,
  StatisticsTable,
} from '@kontakta/contract';
import {
  ANSWER_DAY_EDGES,
  ANSWER_HOUR_EDGES,
  addCalendarDays,
  type Granularity,
  periodsBetween,
  quantileBucket,
  SUPPRESSION_THRESHOLD,
  suppressGrid,
} from '@kontakta/domain';
import {
  countWaitingByAge,
  foldPendingStats,
  listCustomTypeNames,
  listRegionNames,
  listStatUnits,
  type StatKeyColumn,
  type StatScope,
  type StatUnit,
  sumStats,
  UNANSWERED_AGE_DAYS,
} from '../../storage/repositories/statistics.repository.ts';
import type { StatMeasure } from '../../storage/statistics-schema.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';
import {
  ageBucketLabel,
  allLabel,
  answerBucketLabel,
  answerDayBucketLabel,
  baseTypeName,
  type Localized,
  loginMethodLabel,
  notificationLabel,
  periodLabel,
  staffLoginMethodLabel,
  unknownPlaceLabel,
} from './statistics-labels.ts';
import { statisticsScopeFor } from './statistics-scope.ts';

/** Longest period one request may cover, and per day at most a quarter, so an answer stays small. */
const MAX_DAYS = 3 * 366;
const MAX_DAYS_BY_DAY = 92;
/**
 * A breakdown by unit or municipality shows this many of its values at a time (issue 16 pt 5):
 * the answer, and the rows read for it, then have a bound at any size of region or installation.
 */
export const BREAKDOWN_PAGE_SIZE = 25;

const KEY_COLUMN: Record<StatisticsBreakdown, StatKeyColumn> = {
  none: null,
  region: 'region_code',
  municipality: 'municipality_code',
  unit: 'unit_hsa_id',
  'errand-type': 'dimension',
};

type Labeler = (key: string) => Localized;

/** The period and scope every table reads; `places`, a page of a breakdown's units or municipalities. */
type Over = { scope: StatScope; from: string; to: string; places?: readonly string[] };

/**
 * The statistics page (issue 16 pts 3–4): counts from the aggregate table (never from scanning
 * errands) between two days, per day, week or month and per breakdown, in the actor's scope, with
 * every count under 5 suppressed and only the totals that reveal nothing. Unanswered errands by
 * age are the present state, counted through the units' waiting index.
 */
export async function showStatistics(ctx: UseCaseContext, query: StatisticsQuery): Promise<Statistics> {
  const { db } = ctx.database;
  const scope = await statisticsScopeFor(db, ctx.actor, { unit: query.unit, region: query.region });
  const granularity: Granularity = query.granularity ?? 'month';
  const breakdown: StatisticsBreakdown = query.breakdown ?? 'none';
  checkPeriod(query.from, query.to, granularity);
  // Events of the last minute wait to be folded into the rollup: fold them, so what is shown is exact.
  await foldPendingStats(db);

  const installation = ctx.actor.kind === 'staff' && ctx.actor.roles.includes('installation-administrator');
  // The units the scope may be narrowed to: a region administrator's region's, an installation
  // administrator's chosen region's, or before a region is chosen every unit (grouped by region
  // in the filter: a unit can be found without knowing its region first).
  const filterScope: StatScope =
    ctx.actor.kind === 'staff' && ctx.actor.regionCode
      ? { kind: 'region', regionCode: ctx.actor.regionCode }
      : installation
        ? query.region === undefined
          ? { kind: 'all' }
          : { kind: 'region', regionCode: query.region }
        : scope;
  const [inScope, filterUnits, regions] = await Promise.all([
    listStatUnits(db, scope),
    filterScope === scope || (filterScope.kind === 'all' && scope.kind === 'all')
      ? null
      : listStatUnits(db, filterScope),
    listRegionNames(db),
  ]);
  const units = filterUnits ?? inScope;
  const labels = await breakdownLabeler(ctx, breakdown, inScope, regions);
  const periods = periodsBetween(query.from, query.to, granularity);
  const page = breakdownPage(breakdown, inScope, query.page ?? 1);
  const over = { scope, from: query.from, to: query.to, places: page?.places };

  const byPeriod = async (measure: StatMeasure, id: StatisticsTable['id']) => {
    const rows = await sumStats(db, { ...over, measure, period: granularity, key: KEY_COLUMN[breakdown], sub: null });
    // Without a breakdown there is one column, "All", even before anything has been counted; a
    // page's places are all shown, in name order, counted or not.
    return periodTable(id, periods, rows, labels, page?.places ?? (breakdown === 'none' ? [''] : []));
  };
  const onPage = page ? unitsOnPage(inScope, breakdown, page.places) : inScope;
  // Counts of one measure per period and method or channel: they belong to no unit or place page.
  const byDimension = async (
    id: StatisticsTable['id'],
    measure: StatMeasure,
    label: Labeler,
    fixed: readonly string[] = [],
  ) => {
    const rows = await sumStats(db, {
      ...over,
      places: undefined,
      measure,
      period: granularity,
      key: 'dimension',
      sub: null,
    });
    return periodTable(id, periods, rows, label, fixed);
  };
  // The tables are independent reads: on PostgreSQL they run side by side on the pool's
  // connections (one request's round trips, not their sum); SQLite runs them one after another.
  const tables = await Promise.all([
    byPeriod('errand-sent', 'errands-sent'),
    byPeriod('errand-answered', 'errands-answered'),
    histogramTable(ctx, over, breakdown, labels, HOURS),
    histogramTable(ctx, over, breakdown, labels, DAYS),
    unansweredTable(ctx, onPage, breakdown, labels, page?.places),
    // Citizens' logins and proxies belong to no unit: a region sees its citizens' (by where they
    // are registered), the installation everyone's, a unit none.
    ...(scope.kind !== 'unit' ? [byDimension('logins', 'login', loginMethodLabel, ['eid', 'password-sms'])] : []),
    // Staff logins are counted at the unit where work starts, so a unit sees its own.
    byDimension('staff-logins', 'staff-login', staffLoginMethodLabel, ['eid']),
    ...(scope.kind !== 'unit' ? [proxiesActiveTable(ctx, over, granularity, breakdown, periods, labels)] : []),
    byDimension('notifications', 'notification', notificationLabel),
  ]);

  const name =
    scope.kind === 'unit'
      ? (inScope[0]?.name ?? scope.unitHsaId)
      : scope.kind === 'region'
        ? (regions.get(scope.regionCode) ?? scope.regionCode)
        : '';
  return {
    scope: {
      kind: scope.kind,
      key: scope.kind === 'unit' ? scope.unitHsaId : scope.kind === 'region' ? scope.regionCode : '',
      name,
    },
    from: query.from,
    to: query.to,
    granularity,
    breakdown,
    units: units.map((unit) => ({ hsaId: unit.hsaId, name: unit.name, regionCode: unit.regionCode })),
    breakdownPage: page?.info ?? null,
    regions: installation
      ? [...regions]
          .map(([code, regionName]) => ({ code, name: regionName }))
          .sort((a, b) => swedish.compare(a.name, b.name))
      : [],
    tables,
  };
}

/** The first day any count can have: the baseline of "proxies active" sums everything before the period. */
const BEGINNING = '2000-01-01';

/**
 * Proxies active at the end of each period: every proxy started up to then minus every proxy
 * ended up to then (both counted as they happen, at the child's municipality), per region or
 * municipality when broken down so (other breakdowns do not apply: a proxy has no unit or type).
 * Reads the rollup only: the sum before the period once, then the period's starts and ends.
 */
async function proxiesActiveTable(
  ctx: UseCaseContext,
  over: Over,
  granularity: Granularity,
  breakdown: StatisticsBreakdown,
  periods: readonly string[],
  labeler: LabelerFor,
): Promise<StatisticsTable> {
  const { db } = ctx.database;
  const byPlace = breakdown === 'region' || breakdown === 'municipality';
  const key = byPlace ? KEY_COLUMN[breakdown] : null;
  // A page of municipalities narrows the proxies to them; a page of units does not apply (a proxy has no unit).
  const pageOfPlaces = breakdown === 'municipality' ? over.places : undefined;
  const dayBefore = addCalendarDays(over.from, -1);
  const [before, during] = await Promise.all([
    dayBefore < BEGINNING
      ? []
      : sumStats(db, {
          ...over,
          from: BEGINNING,
          to: dayBefore,
          places: pageOfPlaces,
          measure: 'proxy',
          period: null,
          key,
          sub: 'dimension',
        }),
    sumStats(db, { ...over, places: pageOfPlaces, measure: 'proxy', period: granularity, key, sub: 'dimension' }),
  ]);
  const change = (row: { sub: string; count: number }) => (row.sub === 'ended' ? -row.count : row.count);
  const active = new Map<string, number>();
  for (const row of before) active.set(row.key, (active.get(row.key) ?? 0) + change(row));
  const keys = [
    ...new Set([...(pageOfPlaces ?? (byPlace ? [] : [''])), ...active.keys(), ...during.map((row) => row.key)]),
  ];
  const rows: Array<{ period: string; key: string; count: number }> = [];
  for (const period of periods) {
    for (const row of during) if (row.period === period) active.set(row.key, (active.get(row.key) ?? 0) + change(row));
    // Never below zero: a count that could go negative is a bug elsewhere, not a number to show.
    for (const place of keys) rows.push({ period, key: place, count: Math.max(0, active.get(place) ?? 0) });
  }
  const label: LabelerFor | Labeler = byPlace ? labeler : () => allLabel();
  return periodTable('proxies-active', periods, rows, label, pageOfPlaces ?? (byPlace ? [] : ['']));
}

type BreakdownPage = { places: string[]; info: NonNullable<Statistics['breakdownPage']> };

/**
 * The page of a breakdown by unit or municipality: the scope's units (or their municipalities) in
 * Swedish name order, `BREAKDOWN_PAGE_SIZE` at a time. Undefined for the other breakdowns, whose
 * values are few (types, regions). A page past the last is a 400 naming the field.
 */
function breakdownPage(
  breakdown: StatisticsBreakdown,
  units: readonly StatUnit[],
  page: number,
): BreakdownPage | undefined {
  if (breakdown !== 'unit' && breakdown !== 'municipality') return undefined;
  const named = new Map<string, string>();
  for (const unit of units)
    if (breakdown === 'unit') named.set(unit.hsaId, unit.name);
    else named.set(unit.municipalityCode, unit.municipalityName || unit.municipalityCode);
  const all = [...named].sort(([, a], [, b]) => swedish.compare(a, b)).map(([key]) => key);
  const pages = Math.max(1, Math.ceil(all.length / BREAKDOWN_PAGE_SIZE));
  if (page > pages)
    throw new AppError('validation-failed', undefined, [
      { path: 'querystring.page', code: 'past-last-page', message: `is past the last page (${pages})` },
    ]);
  const places = all.slice((page - 1) * BREAKDOWN_PAGE_SIZE, page * BREAKDOWN_PAGE_SIZE);
  const first = places.length === 0 ? 0 : (page - 1) * BREAKDOWN_PAGE_SIZE + 1;
  const last = places.length === 0 ? 0 : first + places.length - 1;
  return { places, info: { page, pages, first, last, total: all.length } };
}

/** The units whose waiting errands a page shows: the page's units, or the units of its municipalities. */
function unitsOnPage(
  units: readonly StatUnit[],
  breakdown: StatisticsBreakdown,
  places: readonly string[],
): StatUnit[] {
  const on = new Set(places);
  return units.filter((unit) => on.has(breakdown === 'unit' ? unit.hsaId : unit.municipalityCode));
}

function checkPeriod(from: string, to: string, granularity: Granularity): void {
  const errors = [];
  const valid = (date: string) => addCalendarDays(date, 0) === date;
  if (!valid(from)) errors.push({ path: 'querystring.from', code: 'invalid-date', message: 'is not a calendar date' });
  if (!valid(to)) errors.push({ path: 'querystring.to', code: 'invalid-date', message: 'is not a calendar date' });
  if (errors.length === 0) {
    const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
    const most = granularity === 'day' ? MAX_DAYS_BY_DAY : MAX_DAYS;
    if (days < 0) errors.push({ path: 'querystring.to', code: 'before-from', message: 'is before from' });
    else if (days >= most)
      errors.push({ path: 'querystring.to', code: 'period-too-long', message: `is more than ${most} days after from` });
  }
  if (errors.length > 0) throw new AppError('validation-failed', undefined, errors);
}

async function breakdownLabeler(
  ctx: UseCaseContext,
  breakdown: StatisticsBreakdown,
  units: readonly StatUnit[],
  regions: ReadonlyMap<string, string>,
): Promise<(keys: readonly string[]) => Promise<Labeler>> {
  const same = (text: string | undefined): Localized => (text ? { sv: text, en: text } : unknownPlaceLabel());
  const loader = async (keys: readonly string[]): Promise<Labeler> => {
    if (breakdown === 'none') return () => allLabel();
    if (breakdown === 'unit') {
      const names = new Map(units.map((unit) => [unit.hsaId, unit.name]));
      return (key) => same(names.get(key) ?? key);
    }
    if (breakdown === 'municipality') {
      const names = new Map(units.map((unit) => [unit.municipalityCode, unit.municipalityName]));
      return (key) => same(names.get(key) ?? key);
    }
    if (breakdown === 'region') return (key) => same(regions.get(key) ?? key);
    const custom = await listCustomTypeNames(
      ctx.database.db,
      keys.filter((key) => !baseTypeName(key)),
    );
    return (key) => baseTypeName(key) ?? custom.get(key) ?? same(key);
  };
  loaders.add(loader);
  return loader;
}

type LabelerFor = Awaited<ReturnType<typeof breakdownLabeler>>;

/** A table of periods (rows) × keys (columns); `fixed` columns are always shown, in their order. */
async function periodTable(
  id: StatisticsTable['id'],
  periods: readonly string[],
  rows: ReadonlyArray<{ period: string; key: string; count: number }>,
  labeler: LabelerFor | Labeler,
  fixed: readonly string[] = [],
): Promise<StatisticsTable> {
  const keys = [...new Set([...fixed, ...rows.map((row) => row.key)])];
  const label = typeof labeler === 'function' && isLoader(labeler) ? await labeler(keys) : (labeler as Labeler);
  const columns = sortColumns(keys, label, fixed.length > 0);
  // Dense from the start: a grid of 92 days × hundreds of units is tens of thousands of cells,
  // filled from the rows by index rather than one string key looked up per cell.
  const periodAt = new Map(periods.map((period, index) => [period, index]));
  const columnAt = new Map(columns.map((key, index) => [key, index]));
  const counts = periods.map(() => new Array<number>(columns.length).fill(0));
  for (const row of rows) {
    const r = periodAt.get(row.period);
    const c = columnAt.get(row.key);
    if (r !== undefined && c !== undefined) (counts[r] as number[])[c] = row.count;
  }
  return grid(
    id,
    'period',
    columns.map((key) => ({ key, label: label(key) })),
    periods.map((period) => ({ key: period, label: periodLabel(period) })),
    counts,
  );
}

const loaders = new WeakSet<object>();
function isLoader(labeler: LabelerFor | Labeler): labeler is LabelerFor {
  return loaders.has(labeler);
}

/** One collator: `localeCompare(…, 'sv')` builds one per comparison, which hundreds of units' names felt. */
const swedish = new Intl.Collator('sv');

function sortColumns(keys: string[], label: Labeler, keepOrder: boolean): string[] {
  if (keepOrder) return keys;
  return [...keys].sort((a, b) => swedish.compare(label(a).sv, label(b).sv));
}

function grid(
  id: StatisticsTable['id'],
  rowKind: StatisticsTable['rowKind'],
  columns: StatisticsTable['columns'],
  rows: ReadonlyArray<{ key: string; label: Localized }>,
  counts: number[][],
  extra?: (row: number) => Pick<StatisticsRow, 'median' | 'p90'>,
): StatisticsTable {
  const suppressed = suppressGrid(counts, columns.length);
  return {
    id,
    rowKind,
    columns,
    rows: rows.map((row, index) => ({
      key: row.key,
      label: row.label,
      cells: suppressed.cells[index] ?? [],
      total: suppressed.rowTotals[index] ?? null,
      ...extra?.(index),
    })),
    columnTotals: suppressed.columnTotals,
    grandTotal: suppressed.grandTotal,
  };
}

/** The two answer-time histograms: in working hours and in working days. */
type Histogram = {
  id: 'answer-time' | 'answer-days';
  measure: StatMeasure;
  edges: readonly number[];
  label: (bucket: number) => Localized;
};
const HOURS: Histogram = {
  id: 'answer-time',
  measure: 'answer-time',
  edges: ANSWER_HOUR_EDGES,
  label: answerBucketLabel,
};
const DAYS: Histogram = {
  id: 'answer-days',
  measure: 'answer-days',
  edges: ANSWER_DAY_EDGES,
  label: answerDayBucketLabel,
};

/**
 * Time to first answer: per breakdown value (rows), how many answers fell in each bucket of
 * working hours or working days (columns), over the whole period; median and 90th percentile are
 * buckets, given only for rows of at least 5 answers.
 */
async function histogramTable(
  ctx: UseCaseContext,
  over: Over,
  breakdown: StatisticsBreakdown,
  labeler: LabelerFor,
  histogram: Histogram,
): Promise<StatisticsTable> {
  const { places } = over;
  const rows = await sumStats(ctx.database.db, {
    ...over,
    measure: histogram.measure,
    period: null,
    key: KEY_COLUMN[breakdown],
    sub: 'bucket',
  });
  const keys = places ? [...places] : [...new Set(rows.map((row) => row.key))];
  if (breakdown === 'none' && keys.length === 0) keys.push('');
  const label = await labeler(keys);
  const ordered = sortColumns(keys, label, places !== undefined);
  const at = new Map(rows.map((row) => [`${row.key}\u0000${row.sub}`, row.count]));
  const counts = ordered.map((key) => histogram.edges.map((_, bucket) => at.get(`${key}\u0000${bucket}`) ?? 0));
  return grid(
    histogram.id,
    'breakdown',
    histogram.edges.map((_, bucket) => ({ key: String(bucket), label: histogram.label(bucket) })),
    ordered.map((key) => ({ key, label: label(key) })),
    counts,
    (index) => {
      const counted = counts[index] ?? [];
      const total = counted.reduce((sum, count) => sum + count, 0);
      if (total < SUPPRESSION_THRESHOLD) return { median: null, p90: null };
      return { median: quantileBucket(counted, 0.5) ?? null, p90: quantileBucket(counted, 0.9) ?? null };
    },
  );
}

/** Errands waiting for an answer now, by how long they have waited (calendar days), per breakdown value. */
async function unansweredTable(
  ctx: UseCaseContext,
  units: readonly StatUnit[],
  breakdown: StatisticsBreakdown,
  labeler: LabelerFor,
  places: readonly string[] | undefined,
): Promise<StatisticsTable> {
  const waiting = await countWaitingByAge(
    ctx.database.db,
    units.map((unit) => unit.hsaId),
    ctx.now,
    breakdown === 'errand-type',
  );
  const byUnit = new Map(units.map((unit) => [unit.hsaId, unit]));
  const keyOf = (row: { unitHsaId: string; errandType: string }): string => {
    const unit = byUnit.get(row.unitHsaId);
    if (breakdown === 'unit') return row.unitHsaId;
    if (breakdown === 'municipality') return unit?.municipalityCode ?? '';
    if (breakdown === 'region') return unit?.regionCode ?? '';
    if (breakdown === 'errand-type') return row.errandType;
    return '';
  };
  const sums = new Map<string, number[]>((places ?? []).map((place) => [place, UNANSWERED_AGE_DAYS.map(() => 0)]));
  for (const row of waiting) {
    const key = keyOf(row);
    const counts = sums.get(key) ?? UNANSWERED_AGE_DAYS.map(() => 0);
    counts[row.bucket] = (counts[row.bucket] ?? 0) + row.count;
    sums.set(key, counts);
  }
  if (breakdown === 'none' && sums.size === 0)
    sums.set(
      '',
      UNANSWERED_AGE_DAYS.map(() => 0),
    );
  const label = await labeler([...sums.keys()]);
  const ordered = sortColumns([...sums.keys()], label, places !== undefined);
  return grid(
    'unanswered-by-age',
    'breakdown',
    UNANSWERED_AGE_DAYS.map((_, bucket) => ({ key: String(bucket), label: ageBucketLabel(bucket) })),
    ordered.map((key) => ({ key, label: label(key) })),
    ordered.map((key) => sums.get(key) ?? []),
  );
}
