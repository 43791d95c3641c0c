// The statistics' aggregate table (migration 2026-12-06-21, issue 16 pt 3); part of DatabaseSchema (schema.ts).

/**
 * What is counted: errands sent and answered (first answer) by errand type; time to first answer
 * as a histogram of working hours by errand type (`bucket`); citizens' logins by method;
 * notifications about errands by `channel:outcome`.
 */
export type StatMeasure = 'errand-sent' | 'errand-answered' | 'answer-time' | 'login' | 'notification';

/**
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
