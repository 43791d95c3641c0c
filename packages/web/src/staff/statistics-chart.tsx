import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StatisticsTable } from '../api/statistics-queries.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import styles from './statistics-page.module.css';

/** At most this many series in one chart; more would not be told apart (the table has them all). */
export const MAX_SERIES = 10;

// Colours that differ in lightness as well as hue, each with at least 3:1 against white.
const COLOURS = [
  '#1f5f9f',
  '#b3471d',
  '#2e7d32',
  '#6a3d9a',
  '#8a6d00',
  '#0b7285',
  '#a61e4d',
  '#495057',
  '#5c940d',
  '#862e9c',
];

/**
 * A table as stacked bars (recharts, SVG): one bar per row, one segment per column. Suppressed
 * cells are left out, never drawn as a guess. The chart is a picture of the table beside it, so
 * it is one image to assistive technology, named after the table; the table is the accessible form.
 */
export function StatisticsChart({ table, title }: Readonly<{ table: StatisticsTable; title: string }>) {
  const t = useText();
  const localized = useLocalized();
  const series = table.columns.slice(0, MAX_SERIES);
  const data = table.rows.map((row) => ({
    name: localized(row.label),
    ...Object.fromEntries(series.map((column, index) => [column.key, row.cells[index]?.value ?? null])),
  }));
  return (
    <figure className={styles.chart}>
      <div role="img" aria-label={t('statistics.chartLabel', { title })} className={styles.chartArea}>
        <ResponsiveContainer width="100%" height={280}>
          <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={{ fontSize: 14 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 14 }} />
            <Tooltip />
            <Legend />
            {series.map((column, index) => (
              <Bar
                key={column.key}
                dataKey={column.key}
                name={localized(column.label)}
                stackId="counts"
                fill={COLOURS[index % COLOURS.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {table.columns.length > MAX_SERIES ? (
        <figcaption className="muted">{t('statistics.chartFirst', { count: MAX_SERIES })}</figcaption>
      ) : null}
    </figure>
  );
}
