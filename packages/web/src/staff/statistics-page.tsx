import {
  STATISTICS_BREAKDOWNS,
  STATISTICS_GRANULARITIES,
  type StatisticsCell,
  type StatisticsQuery,
} from '@kontakta/contract';
import { type FormEvent, useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  type Statistics,
  type StatisticsTable,
  statisticsCsvAddress,
  useStatistics,
} from '../api/statistics-queries.ts';
import type { MessageId } from '../i18n/messages.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { StatisticsChart } from './statistics-chart.tsx';
import { filtersFrom, filtersToParams } from './statistics-filters.ts';
import styles from './statistics-page.module.css';

const TITLES: Readonly<Record<StatisticsTable['id'], MessageId>> = {
  'errands-sent': 'statistics.table.errandsSent',
  'errands-answered': 'statistics.table.errandsAnswered',
  'answer-time': 'statistics.table.answerTime',
  'answer-days': 'statistics.table.answerDays',
  'unanswered-by-age': 'statistics.table.unansweredByAge',
  logins: 'statistics.table.logins',
  'staff-logins': 'statistics.table.staffLogins',
  'proxies-active': 'statistics.table.proxiesActive',
  notifications: 'statistics.table.notifications',
};
const NOTES: Partial<Readonly<Record<StatisticsTable['id'], MessageId>>> = {
  'answer-time': 'statistics.note.answerTime',
  'answer-days': 'statistics.note.answerDays',
  'unanswered-by-age': 'statistics.note.unansweredByAge',
  logins: 'statistics.note.logins',
  'staff-logins': 'statistics.note.staffLogins',
  'proxies-active': 'statistics.note.proxiesActive',
};
const GRANULARITY_TEXT: Readonly<Record<(typeof STATISTICS_GRANULARITIES)[number], MessageId>> = {
  day: 'statistics.granularity.day',
  week: 'statistics.granularity.week',
  month: 'statistics.granularity.month',
};
const BREAKDOWN_TEXT: Readonly<Record<(typeof STATISTICS_BREAKDOWNS)[number], MessageId>> = {
  none: 'statistics.breakdown.none',
  region: 'statistics.breakdown.region',
  municipality: 'statistics.breakdown.municipality',
  unit: 'statistics.breakdown.unit',
  'errand-type': 'statistics.breakdown.errandType',
};

/**
 * `/personal/statistik`: counts over time for the administrator's unit or region, or for an
 * installation administrator the whole installation, a region or a unit (issue 16 pts 3–4),
 * each as a chart with the same figures in a table beside it, filters kept in the address, and the
 * CSV of exactly what is shown. Counts under 5 are "< 5"; the server never sends them.
 */
export function StatisticsPage() {
  const t = useText();
  const [params, setParams] = useSearchParams();
  const query = filtersFrom(params, new Date());
  const statistics = useStatistics(query);
  useDocumentTitle(t('common.documentTitle', { page: t('statistics.heading') }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '');
    // Another region makes the unit chosen (one of the region before) meaningless, unless the unit is in it.
    const unitRegion = statistics.data?.units.find((unit) => unit.hsaId === text('unit'))?.regionCode;
    const sameRegion = text('region') === (query.region ?? '') || text('region') === unitRegion;
    const next: StatisticsQuery = {
      from: text('from'),
      to: text('to'),
      granularity: STATISTICS_GRANULARITIES.find((g) => g === text('granularity')) ?? 'month',
      breakdown: STATISTICS_BREAKDOWNS.find((b) => b === text('breakdown')) ?? 'none',
      ...(text('region') ? { region: text('region') } : {}),
      ...(text('unit') && sameRegion ? { unit: text('unit') } : {}),
    };
    setParams(filtersToParams(next));
  };

  const data = statistics.data;
  return (
    <>
      <h1>{t('statistics.heading')}</h1>
      <p>
        {data?.scope.kind === 'all'
          ? t('statistics.leadAll')
          : data
            ? t('statistics.lead', { scope: data.scope.name })
            : t('statistics.leadNoScope')}
      </p>
      <Filters
        query={query}
        regions={data?.regions ?? []}
        units={data?.scope.kind === 'unit' && data.units.length <= 1 ? [] : (data?.units ?? [])}
        onSubmit={onSubmit}
      />
      {statistics.isPending ? <Loading /> : null}
      {statistics.isError ? <LoadError error={statistics.error} onRetry={() => void statistics.refetch()} /> : null}
      {data ? (
        <>
          <p>
            <a className="button button-secondary" href={statisticsCsvAddress(query)} download>
              {t('statistics.download')}
            </a>
          </p>
          <p className="muted">{t('statistics.suppressionNote')}</p>
          <BreakdownPages statistics={data} query={query} />
          {data.tables.map((table) => (
            <StatisticsSection key={table.id} table={table} />
          ))}
        </>
      ) : null}
    </>
  );
}

function Filters({
  query,
  regions,
  units,
  onSubmit,
}: Readonly<{
  query: StatisticsQuery;
  regions: ReadonlyArray<{ code: string; name: string }>;
  units: ReadonlyArray<{ hsaId: string; name: string; regionCode: string }>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}>) {
  const t = useText();
  const id = useId();
  // Before a region is chosen (installation administrator) every unit is offered, under its region.
  const byRegion = regions.length > 0 && !query.region ? groupByRegion(units, regions) : undefined;
  // The form is keyed by the address, so going back in history shows that view's filters.
  return (
    <form
      className={styles.filters}
      onSubmit={onSubmit}
      key={filtersToParams(query).toString()}
      aria-label={t('statistics.filters.heading')}
    >
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('statistics.filters.from')}</label>
        <input className="input" id={`${id}-from`} name="from" type="date" defaultValue={query.from} required />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('statistics.filters.to')}</label>
        <input className="input" id={`${id}-to`} name="to" type="date" defaultValue={query.to} required />
      </div>
      <div className="field">
        <label htmlFor={`${id}-granularity`}>{t('statistics.filters.granularity')}</label>
        <select className="input" id={`${id}-granularity`} name="granularity" defaultValue={query.granularity}>
          {STATISTICS_GRANULARITIES.map((g) => (
            <option key={g} value={g}>
              {t(GRANULARITY_TEXT[g])}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-breakdown`}>{t('statistics.filters.breakdown')}</label>
        <select className="input" id={`${id}-breakdown`} name="breakdown" defaultValue={query.breakdown}>
          {STATISTICS_BREAKDOWNS.map((b) => (
            <option key={b} value={b}>
              {t(BREAKDOWN_TEXT[b])}
            </option>
          ))}
        </select>
      </div>
      {regions.length > 0 ? (
        <div className="field">
          <label htmlFor={`${id}-region`}>{t('statistics.filters.region')}</label>
          <select className="input" id={`${id}-region`} name="region" defaultValue={query.region ?? ''}>
            <option value="">{t('statistics.filters.allRegions')}</option>
            {regions.map((region) => (
              <option key={region.code} value={region.code}>
                {region.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {units.length > 0 ? (
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t('statistics.filters.unit')}</label>
          <select className="input" id={`${id}-unit`} name="unit" defaultValue={query.unit ?? ''}>
            {byRegion ? (
              <>
                <option value="">{t('statistics.filters.allUnitsEverywhere')}</option>
                {byRegion.map((group) => (
                  <optgroup key={group.code} label={group.name}>
                    {group.units.map((unit) => (
                      <option key={unit.hsaId} value={unit.hsaId}>
                        {unit.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </>
            ) : (
              <>
                <option value="">{t('statistics.filters.allUnits')}</option>
                {units.map((unit) => (
                  <option key={unit.hsaId} value={unit.hsaId}>
                    {unit.name}
                  </option>
                ))}
              </>
            )}
          </select>
        </div>
      ) : null}
      <button type="submit" className="button">
        {t('statistics.filters.show')}
      </button>
    </form>
  );
}

/**
 * Which units (or municipalities) of a breakdown are shown, and links to the pages before and
 * after: a region's every unit at once would be a table no one reads (the server pages them).
 */
function BreakdownPages({ statistics, query }: Readonly<{ statistics: Statistics; query: StatisticsQuery }>) {
  const t = useText();
  // Only a breakdown by unit or municipality has pages.
  const page = statistics.breakdownPage;
  if (!page || page.pages <= 1) return null;
  const units = statistics.breakdown === 'unit';
  // Every page but the last is full: the pages before this one give the page size.
  const pageSize = page.page > 1 ? (page.first - 1) / (page.page - 1) : page.last - page.first + 1;
  const address = (number: number) => `?${filtersToParams({ ...query, page: number }).toString()}`;
  return (
    <nav className={styles.pages} aria-label={t('statistics.page.label')}>
      <p>{t(units ? 'statistics.page.unit' : 'statistics.page.municipality', { ...page })}</p>
      {page.page > 1 ? (
        <Link className="button button-secondary" to={address(page.page - 1)}>
          {t(units ? 'statistics.page.previous' : 'statistics.page.previousMunicipalities', { size: pageSize })}
        </Link>
      ) : null}
      {page.page < page.pages ? (
        <Link className="button button-secondary" to={address(page.page + 1)}>
          {t(units ? 'statistics.page.next' : 'statistics.page.nextMunicipalities', {
            size: Math.min(pageSize, page.total - page.last),
          })}
        </Link>
      ) : null}
    </nav>
  );
}

/** Units under their regions, in the regions' order (units keep theirs); units of no known region last. */
function groupByRegion(
  units: ReadonlyArray<{ hsaId: string; name: string; regionCode: string }>,
  regions: ReadonlyArray<{ code: string; name: string }>,
): Array<{ code: string; name: string; units: Array<{ hsaId: string; name: string }> }> {
  const groups = new Map(regions.map((region) => [region.code, { ...region, units: [] as (typeof units)[number][] }]));
  for (const unit of units) {
    const group = groups.get(unit.regionCode) ?? { code: unit.regionCode, name: unit.regionCode, units: [] };
    group.units.push(unit);
    groups.set(unit.regionCode, group);
  }
  return [...groups.values()].filter((group) => group.units.length > 0);
}

function StatisticsSection({ table }: Readonly<{ table: StatisticsTable }>) {
  const t = useText();
  const localized = useLocalized();
  const headingId = useId();
  const title = t(TITLES[table.id]);
  const note = NOTES[table.id];
  const percentiles = table.id === 'answer-time' || table.id === 'answer-days';
  const cell = (value: StatisticsCell) => (value.suppressed ? t('statistics.suppressed') : String(value.value ?? ''));
  const total = (value: number | null) => (value === null ? t('statistics.noTotal') : String(value));
  const bucket = (index: number | null | undefined) =>
    index === null || index === undefined
      ? t('statistics.noTotal')
      : localized(table.columns[index]?.label ?? { sv: '', en: '' });
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {note ? <p>{t(note)}</p> : null}
      <StatisticsChart table={table} title={title} />
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe: scrollable-region-focusable). */}
      <section className={styles.scroller} aria-label={t('statistics.tableLabel', { title })} tabIndex={0}>
        <table className={styles.table}>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">
                {table.rowKind === 'period' ? t('statistics.table.period') : t('statistics.table.breakdown')}
              </th>
              {table.columns.map((column) => (
                <th scope="col" key={column.key}>
                  {localized(column.label)}
                </th>
              ))}
              <th scope="col">{t('statistics.table.total')}</th>
              {percentiles ? (
                <>
                  <th scope="col">{t('statistics.table.median')}</th>
                  <th scope="col">{t('statistics.table.p90')}</th>
                </>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{localized(row.label)}</th>
                {row.cells.map((value, index) => (
                  <td key={table.columns[index]?.key ?? index}>{cell(value)}</td>
                ))}
                <td>{total(row.total)}</td>
                {percentiles ? (
                  <>
                    <td>{bucket(row.median)}</td>
                    <td>{bucket(row.p90)}</td>
                  </>
                ) : null}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('statistics.table.total')}</th>
              {table.columnTotals.map((value, index) => (
                <td key={table.columns[index]?.key ?? index}>{total(value)}</td>
              ))}
              <td>{total(table.grandTotal)}</td>
              {percentiles ? (
                <>
                  <td />
                  <td />
                </>
              ) : null}
            </tr>
          </tfoot>
        </table>
      </section>
    </section>
  );
}
