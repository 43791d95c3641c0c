import type { Statistics, StatisticsCell, StatisticsQuery, StatisticsTable } from '@kontakta/contract';
import type { Language } from '@kontakta/domain';
import { type ServerMessageId, type ServerText, serverTexts } from '../../i18n/server-texts.ts';
import type { UseCaseContext } from '../services.ts';
import { showStatistics } from './show-statistics.ts';

// The statistics as a CSV file for Excel (issue 16 pt 4): exactly the tables the page shows, one
// after another under their titles, suppressed cells as "< 5", and no total the page leaves out.
//
// Semicolons, not commas: Excel with Swedish regional settings uses the comma as the decimal
// separator, so it expects `;` between fields and would put a comma-separated file in one column.
// A byte-order mark first: without it Excel reads the file as Windows-1252 and garbles å, ä and ö.

const TITLES: Readonly<Record<StatisticsTable['id'], ServerMessageId>> = {
  'errands-sent': 'statistics.csv.title.errands-sent',
  'errands-answered': 'statistics.csv.title.errands-answered',
  'answer-time': 'statistics.csv.title.answer-time',
  'answer-days': 'statistics.csv.title.answer-days',
  'unanswered-by-age': 'statistics.csv.title.unanswered-by-age',
  logins: 'statistics.csv.title.logins',
  'staff-logins': 'statistics.csv.title.staff-logins',
  'proxies-active': 'statistics.csv.title.proxies-active',
  notifications: 'statistics.csv.title.notifications',
};
export const SUPPRESSED_TEXT = '< 5';

/** One CSV field: quoted when it must be, and never read by Excel as a formula. */
function field(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const cell = (c: StatisticsCell) => (c.suppressed ? SUPPRESSED_TEXT : String(c.value ?? ''));
const total = (value: number | null) => (value === null ? '' : String(value));

/** The CSV in one language; `text` is that language's server texts (the pseudo-locale's in its test). */
export function statisticsCsv(
  statistics: Statistics,
  language: Language,
  text: ServerText = serverTexts(language),
): string {
  const scopeName = statistics.scope.kind === 'all' ? text('statistics.csv.all') : statistics.scope.name;
  const lines: string[][] = [[`${scopeName} ${statistics.from}–${statistics.to}`]];
  // One page of a breakdown by unit or municipality (the only ones paged): say which part of the whole it is.
  const page = statistics.breakdownPage;
  if (page && page.pages > 1)
    lines.push([
      text(statistics.breakdown === 'unit' ? 'statistics.csv.page.unit' : 'statistics.csv.page.municipality', {
        ...page,
      }),
    ]);
  for (const table of statistics.tables) {
    const percentiles = table.id === 'answer-time' || table.id === 'answer-days';
    lines.push([]);
    lines.push([text(TITLES[table.id])]);
    lines.push([
      text(table.rowKind === 'period' ? 'statistics.csv.period' : 'statistics.csv.breakdown'),
      ...table.columns.map((column) => column.label[language]),
      text('statistics.csv.total'),
      ...(percentiles ? [text('statistics.csv.median'), text('statistics.csv.p90')] : []),
    ]);
    for (const row of table.rows) {
      const bucket = (index: number | null | undefined) =>
        index === null || index === undefined ? '' : (table.columns[index]?.label[language] ?? '');
      lines.push([
        row.label[language],
        ...row.cells.map(cell),
        total(row.total),
        ...(percentiles ? [bucket(row.median), bucket(row.p90)] : []),
      ]);
    }
    lines.push([text('statistics.csv.total'), ...table.columnTotals.map(total), total(table.grandTotal)]);
  }
  return `\uFEFF${lines.map((line) => line.map(field).join(';')).join('\r\n')}\r\n`;
}

/** The CSV of the statistics the same query shows; the same access rules (showStatistics decides). */
export async function exportStatisticsCsv(
  ctx: UseCaseContext,
  query: StatisticsQuery,
  language: Language,
): Promise<{ filename: string; csv: string }> {
  const statistics = await showStatistics(ctx, query);
  const scope = statistics.scope.key.replace(/[^A-Za-z0-9-]/g, '') || 'alla';
  const page =
    statistics.breakdownPage && statistics.breakdownPage.pages > 1 ? `-${statistics.breakdownPage.page}` : '';
  return {
    filename: `kontakta-statistik-${scope}-${statistics.from}-${statistics.to}${page}.csv`,
    csv: statisticsCsv(statistics, language),
  };
}
