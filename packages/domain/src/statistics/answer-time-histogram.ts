// Time to first answer, kept as a histogram of working hours (issue 16 pt 3) so that it can be
// summed over days, units and regions like any other count. Median and 90th percentile are read
// from the histogram and are therefore only as exact as its buckets: "within 4–8 working hours".

/**
 * Lower edges of the buckets in working hours; the last bucket is open-ended. Fine where most
 * answers fall (the first working day), then about one, two, three, five and ten working days.
 */
export const ANSWER_HOUR_EDGES: readonly number[] = [0, 1, 2, 4, 8, 16, 24, 40, 80];

/** The bucket (index into ANSWER_HOUR_EDGES) of an answer time in working milliseconds. */
export function answerHourBucket(workingMs: number): number {
  const hours = workingMs / 3_600_000;
  let bucket = 0;
  for (let index = 0; index < ANSWER_HOUR_EDGES.length; index++) {
    if (hours >= (ANSWER_HOUR_EDGES[index] ?? 0)) bucket = index;
  }
  return bucket;
}

/** A bucket's range in working hours; `to` is null for the open-ended last one. */
export function answerHourRange(bucket: number): { from: number; to: number | null } {
  return { from: ANSWER_HOUR_EDGES[bucket] ?? 0, to: ANSWER_HOUR_EDGES[bucket + 1] ?? null };
}

/**
 * The bucket that holds the given quantile (0.5 median, 0.9 the 90th percentile) of a histogram
 * of counts per bucket: the first whose running total reaches the quantile's share. Undefined for
 * an empty histogram.
 */
export function quantileBucket(counts: readonly number[], quantile: number): number | undefined {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return undefined;
  const wanted = Math.ceil(total * quantile);
  let running = 0;
  for (let bucket = 0; bucket < counts.length; bucket++) {
    running += counts[bucket] ?? 0;
    if (running >= wanted) return bucket;
  }
  return counts.length - 1;
}
