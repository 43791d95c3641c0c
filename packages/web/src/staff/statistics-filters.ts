import {
  STATISTICS_BREAKDOWNS,
  STATISTICS_GRANULARITIES,
  type StatisticsBreakdown,
  type StatisticsQuery,
} from '@kontakta/contract';

// The statistics page's filters live in the address (`?from=…&to=…&granularity=…`), so a view can
// be bookmarked, shared with a colleague and opened again; what is missing or wrong gets a default.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The filters in an address, with defaults: the last twelve full months and the current one, per month. */
export function filtersFrom(params: URLSearchParams, today: Date): StatisticsQuery {
  const to = params.get('to');
  const from = params.get('from');
  const start = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), 1));
  const granularity = params.get('granularity');
  const breakdown = params.get('breakdown');
  const unit = params.get('unit');
  const region = params.get('region');
  const page = Number(params.get('page'));
  return {
    from: from && ISO_DATE.test(from) ? from : isoDate(start),
    to: to && ISO_DATE.test(to) ? to : isoDate(today),
    granularity: STATISTICS_GRANULARITIES.find((g) => g === granularity) ?? 'month',
    breakdown: STATISTICS_BREAKDOWNS.find((b) => b === breakdown) ?? ('none' as StatisticsBreakdown),
    ...(region && /^\d{2}$/.test(region) ? { region } : {}),
    ...(unit ? { unit } : {}),
    // The first page is the address without one.
    ...(Number.isInteger(page) && page > 1 ? { page } : {}),
  };
}

/** The address's search part for the filters. */
export function filtersToParams(query: StatisticsQuery): URLSearchParams {
  const params = new URLSearchParams({
    from: query.from,
    to: query.to,
    granularity: query.granularity ?? 'month',
    breakdown: query.breakdown ?? 'none',
  });
  if (query.region) params.set('region', query.region);
  if (query.unit) params.set('unit', query.unit);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  return params;
}
