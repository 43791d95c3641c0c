import { type RouteOutput, statisticsRoutes as routes, type StatisticsQuery } from '@kontakta/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { addressOf, call } from './api-client.ts';

// Statistics for unit and regional administrators; the scope is the session's (the server decides).

export type Statistics = RouteOutput<typeof routes.show>;
export type StatisticsTable = Statistics['tables'][number];

export function useStatistics(query: StatisticsQuery) {
  return useQuery({
    queryKey: ['staff', 'statistics', query],
    queryFn: () => call(routes.show, { query }),
    // Changing a filter keeps the last figures on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

/** The address of the CSV of exactly these statistics. */
export function statisticsCsvAddress(query: StatisticsQuery): string {
  return addressOf(routes.exportCsv, { query });
}
