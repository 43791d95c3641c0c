import { type Static, Type } from 'typebox';

// Statistics (issue 16 pts 3–4): aggregate counts only. Every count of 1–4 is suppressed: the
// answer carries `null` with `suppressed: true`, never the number; a total is given only where
// every cell it sums is shown, so no total minus shown cells reveals a suppressed one.

const strict = { additionalProperties: false } as const;
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A day in Sweden, `YYYY-MM-DD`.' });
const Text2 = Type.Object({ sv: Type.String(), en: Type.String() });

export const STATISTICS_GRANULARITIES = ['day', 'week', 'month'] as const;
export const STATISTICS_BREAKDOWNS = ['none', 'region', 'municipality', 'unit', 'errand-type'] as const;
export type StatisticsBreakdown = (typeof STATISTICS_BREAKDOWNS)[number];

export const StatisticsQuery = Type.Object(
  {
    from: IsoDate,
    to: IsoDate,
    granularity: Type.Optional(Type.Enum(STATISTICS_GRANULARITIES)),
    breakdown: Type.Optional(Type.Enum(STATISTICS_BREAKDOWNS)),
    /** Narrow a region's statistics to one of its units (HSA id); a unit administrator's are always their unit's. */
    unit: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' })),
    /** Narrow the installation's statistics to one region (installation administrator only; others: their own or 404). */
    region: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
    /** Which page of a breakdown by unit or municipality (`breakdownPage`); the first when left out. */
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  },
  strict,
);
export type StatisticsQuery = Static<typeof StatisticsQuery>;

export const StatisticsCell = Type.Object({
  /** The count, or null when suppressed. */
  value: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  suppressed: Type.Boolean(),
});
export type StatisticsCell = Static<typeof StatisticsCell>;

export const StatisticsRow = Type.Object({
  key: Type.String(),
  label: Text2,
  cells: Type.Array(StatisticsCell),
  /** The row's sum; null when a cell of the row is suppressed (it would reveal it). */
  total: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  /**
   * Answer times only: the bucket (column index) holding the median and the 90th percentile, read
   * from the histogram (bucket resolution); null where the row counts fewer than 5 answers.
   */
  median: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
  p90: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
});
export type StatisticsRow = Static<typeof StatisticsRow>;

export const STATISTICS_TABLES = [
  'errands-sent',
  'errands-answered',
  'answer-time',
  'answer-days',
  'unanswered-by-age',
  'logins',
  'staff-logins',
  'proxies-active',
  'notifications',
] as const;
export type StatisticsTableId = (typeof STATISTICS_TABLES)[number];

/** One table (and chart): rows × columns of counts, with totals where they reveal nothing. */
export const StatisticsTable = Type.Object({
  id: Type.Enum(STATISTICS_TABLES),
  /** What the rows are: periods, or the breakdown's values. */
  rowKind: Type.Union([Type.Literal('period'), Type.Literal('breakdown')]),
  columns: Type.Array(Type.Object({ key: Type.String(), label: Text2 })),
  rows: Type.Array(StatisticsRow),
  columnTotals: Type.Array(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
  grandTotal: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
});
export type StatisticsTable = Static<typeof StatisticsTable>;

export const Statistics = Type.Object({
  scope: Type.Object({
    kind: Type.Union([Type.Literal('unit'), Type.Literal('region'), Type.Literal('all')]),
    key: Type.String(),
    name: Type.String(),
  }),
  from: IsoDate,
  to: IsoDate,
  granularity: Type.Enum(STATISTICS_GRANULARITIES),
  breakdown: Type.Enum(STATISTICS_BREAKDOWNS),
  /**
   * The units the scope may be narrowed to, for the filter: a region's, or for an installation
   * administrator who has not chosen a region every unit (the filter groups them by region).
   */
  units: Type.Array(Type.Object({ hsaId: Type.String(), name: Type.String(), regionCode: Type.String() })),
  /**
   * A breakdown by unit or municipality shows its values a page at a time, in name order: every
   * unit of a region side by side per day would be a table of tens of thousands of cells that no
   * one reads and no page draws quickly. `first`–`last` (from 1) of `total`; null for other breakdowns.
   */
  breakdownPage: Type.Union([
    Type.Object({
      page: Type.Integer({ minimum: 1 }),
      pages: Type.Integer({ minimum: 1 }),
      first: Type.Integer({ minimum: 0 }),
      last: Type.Integer({ minimum: 0 }),
      total: Type.Integer({ minimum: 0 }),
    }),
    Type.Null(),
  ]),
  /** The regions it may be narrowed to: every region for an installation administrator, else none. */
  regions: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  tables: Type.Array(StatisticsTable),
});
export type Statistics = Static<typeof Statistics>;
