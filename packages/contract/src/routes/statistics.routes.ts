import { Type } from 'typebox';
import { defineRoute } from '../route.ts';
import { Statistics, StatisticsQuery } from '../statistics.schema.ts';

// Statistics for administrators (issue 16 pts 3–4): a unit administrator sees their unit's, a
// regional administrator their region's (or one of its units'); other staff 403, another
// region's unit 404. The CSV is exactly the tables the JSON answer gives, for Excel.

const tags = ['statistics'];

export const statisticsRoutes = {
  show: defineRoute({
    method: 'GET',
    path: '/api/staff/statistics',
    audience: 'staff',
    summary: 'Counts over a period by period and breakdown, small numbers suppressed',
    tags,
    query: StatisticsQuery,
    status: 200,
    response: Statistics,
  }),
  exportCsv: defineRoute({
    method: 'GET',
    path: '/api/staff/statistics.csv',
    audience: 'staff',
    summary: 'The same statistics as a CSV file (UTF-8 with BOM, semicolons) for Excel',
    tags,
    query: StatisticsQuery,
    status: 200,
    response: Type.String(),
    // The charset is said explicitly: Excel and browsers then read the UTF-8 as UTF-8.
    contentType: 'text/csv; charset=utf-8',
  }),
} as const;
