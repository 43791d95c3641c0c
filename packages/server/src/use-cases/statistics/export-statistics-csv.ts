import type { Statistics, StatisticsCell, StatisticsQuery, StatisticsTable } from '@kontakta/contract';
import type { Language } from '@kontakta/domain';
import type { UseCaseContext } from '../services.ts';
import { showStatistics } from './show-statistics.ts';

// The statistics as a CSV file for Excel (issue 16 pt 4): exactly the tables the page shows, one
// after another under their titles, suppressed cells as "< 5", and no total the page leaves out.
//
// Semicolons, not commas: Excel with Swedish regional settings uses the comma as the decimal
// separator, so it expects `;` between fields and would put a comma-separated file in one column.
// A byte-order mark first: without it Excel reads the file as Windows-1252 and garbles å, ä and ö.

const TITLES: Record<StatisticsTable['id'], { sv: string; en: string }> = {
  'errands-sent': { sv: 'Skickade ärenden', en: 'Errands sent' },
  'errands-answered': { sv: 'Besvarade ärenden (första svaret)', en: 'Errands answered (first answer)' },
  'answer-time': { sv: 'Tid till första svar (arbetstimmar)', en: 'Time to first answer (working hours)' },
  'unanswered-by-age': { sv: 'Obesvarade ärenden nu, efter väntetid', en: 'Unanswered errands now, by time waited' },
  logins: { sv: 'Inloggningar per metod', en: 'Logins by method' },
  notifications: { sv: 'Aviseringar per kanal och utfall', en: 'Notifications by channel and outcome' },
};
const WORDS = {
  sv: { period: 'Period', breakdown: 'Uppdelning', total: 'Totalt', median: 'Median', p90: '90:e percentilen' },
  en: { period: 'Period', breakdown: 'Breakdown', total: 'Total', median: 'Median', p90: '90th percentile' },
};
export const SUPPRESSED_TEXT = '< 5';

/** One CSV field: quoted when it must be, and never read by Excel as a formula. */
function field(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const cell = (c: StatisticsCell) => (c.suppressed ? SUPPRESSED_TEXT : String(c.value ?? ''));
const total = (value: number | null) => (value === null ? '' : String(value));

export function statisticsCsv(statistics: Statistics, language: Language): string {
  const words = WORDS[language];
  const lines: string[][] = [[`${statistics.scope.name} ${statistics.from}–${statistics.to}`]];
  for (const table of statistics.tables) {
    const percentiles = table.id === 'answer-time';
    lines.push([]);
    lines.push([TITLES[table.id][language]]);
    lines.push([
      table.rowKind === 'period' ? words.period : words.breakdown,
      ...table.columns.map((column) => column.label[language]),
      words.total,
      ...(percentiles ? [words.median, words.p90] : []),
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
    lines.push([words.total, ...table.columnTotals.map(total), total(table.grandTotal)]);
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
  const scope = statistics.scope.key.replace(/[^A-Za-z0-9-]/g, '');
  return {
    filename: `kontakta-statistik-${scope}-${statistics.from}-${statistics.to}.csv`,
    csv: statisticsCsv(statistics, language),
  };
}
