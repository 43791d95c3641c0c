// The statistics' aggregate tables (migrations 2026-12-06-21 and -25, issue 16 pts 3 and 5); part of
// DatabaseSchema (schema.ts).

/**
 * What is counted: errands sent and answered (first answer) by errand type; time to first answer
 * as a histogram of working hours (`answer-time`) and of working days (`answer-days`) by errand
 * type (`bucket`); citizens' logins by method, at their municipality; staff logins by method, at
 * the unit they start work at; proxies started and ended (`started`/`ended`, migration
 * 2026-12-07-29), at the child's municipality; notifications about errands by `channel:outcome`.
 */
export type StatMeasure =
  | 'errand-sent'
  | 'errand-answered'
  | 'answer-time'
  | 'answer-days'
  | 'login'
  | 'staff-login'
  | 'proxy'
  | 'notification';

/**
 * Migration -21's table, dropped by -25 (its rows are stat_rollup's unit-level day rows); typed
 * only because those two migrations still create, fill and read it.
 *
 * One count per (measure, unit, day, dimension, bucket, municipality), raised in the transaction of the event
 * itself, so statistics never scan errands. Region and municipality are the unit's when the event
 * happened (for logins: the citizen's municipality and its region, no unit), copied into the row
 * so a region's figures are one index range. Week and month are stored beside the day so that
 * the database groups by them directly.
 */
export type StatCountTable = {
  measure: StatMeasure;
  /** The unit's HSA id; '' for events of no unit (logins). */
  unit_hsa_id: string;
  /** `YYYY-MM-DD`, the Swedish calendar day of the event. */
  day: string;
  /** `YYYY-Www`, the ISO week of `day`. */
  week: string;
  /** `YYYY-MM`. */
  month: string;
  /** Errand type, login method, or `channel:outcome`. */
  dimension: string;
  /** The answer-time histogram's bucket (domain ANSWER_HOUR_EDGES); 0 for other measures. */
  bucket: number;
  /** '' when unknown. */
  region_code: string;
  /** '' when unknown. */
  municipality_code: string;
  count: number;
};

/** Whose count a rollup row is: one unit's, one municipality's (its units and citizens) or one region's. */
export type StatLevel = 'unit' | 'municipality' | 'region';
export type StatGrain = 'day' | 'week' | 'month';

/**
 * The statistics' counts (migration -25): one per (measure, level, place, grain, period,
 * dimension, bucket), each event raising its day's, week's and month's row at its unit, its
 * municipality and its region in one upsert (statistics.repository.ts), so a query reads rows of
 * about the size of its answer. Logins have no unit: only municipality and region rows.
 */
export type StatRollupTable = {
  measure: StatMeasure;
  level: StatLevel;
  /** The unit's HSA id, the municipality code or the region code, by level; '' when unknown. */
  place: string;
  grain: StatGrain;
  /** `YYYY-MM-DD`, `YYYY-Www` (ISO week) or `YYYY-MM`, by grain: Swedish calendar days. */
  period: string;
  /** Errand type, login method or `channel:outcome`; '' sums all errand types (errand measures only). */
  dimension: string;
  /** The answer-time histogram's bucket (domain ANSWER_HOUR_EDGES); 0 for other measures. */
  bucket: number;
  /** The place's region; '' when unknown. */
  region_code: string;
  /** The unit's or the municipality's own; '' for region rows and when unknown. */
  municipality_code: string;
  count: number;
};

/** One event's counts waiting to be folded into stat_rollup (migration 2026-12-06-28). */
export type StatPendingTable = {
  id: string;
  measure: StatMeasure;
  unit_hsa_id: string;
  day: string;
  dimension: string;
  bucket: number;
};
