import type { UnitView } from '@kontakta/contract';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMyUnits, useUnitSearch } from '../api/citizen-queries.ts';
import { useText } from '../i18n/use-text.ts';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import styles from './unit-search-page.module.css';

/**
 * Step 1 of sending an errand: one of the citizen's units, or one found by name, municipality or
 * postcode. The search is in the address (`?q=`), so a reload, the back button or a shared link
 * shows the same results.
 */
export function UnitSearchPage() {
  const t = useText();
  const myUnits = useMyUnits();
  const [params, setParams] = useSearchParams();
  const query = (params.get('q') ?? '').slice(0, 100);
  const [text, setText] = useState(query);
  const search = useUnitSearch(query);
  useDocumentTitle(t('common.documentTitle', { page: t('unitSearch.heading') }));
  // Back and forward change the address: the field follows it.
  useEffect(() => setText(query), [query]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = text.trim();
    setParams(q ? { q } : {});
  };

  return (
    <>
      <h1>{t('unitSearch.heading')}</h1>
      <p>{t('unitSearch.lead')}</p>
      {myUnits.data && myUnits.data.items.length > 0 ? (
        <section aria-labelledby="my-units" className={styles.section}>
          <h2 id="my-units">{t('unitSearch.mine')}</h2>
          <UnitList units={myUnits.data.items} />
        </section>
      ) : null}
      <section aria-labelledby="find-unit" className={styles.section}>
        <h2 id="find-unit">{t('unitSearch.find')}</h2>
        <search>
          <form className={styles.search} onSubmit={submit}>
            <div className="field">
              <label htmlFor="unit-query">{t('unitSearch.label')}</label>
              <p id="unit-query-hint" className="hint">
                {t('unitSearch.hint')}
              </p>
              <div className={styles.searchRow}>
                <input
                  id="unit-query"
                  className="input"
                  type="search"
                  value={text}
                  onChange={(event) => setText(event.target.value)}
                  aria-describedby="unit-query-hint"
                  maxLength={100}
                />
                <button type="submit" className="button">
                  {t('unitSearch.submit')}
                </button>
              </div>
            </div>
          </form>
        </search>
        <div role="status" className={styles.status}>
          {search.data ? t('unitSearch.found', { count: search.data.items.length }) : ''}
        </div>
        {search.isFetching ? <Loading /> : null}
        {search.isError ? <LoadError error={search.error} onRetry={() => void search.refetch()} /> : null}
        {search.data && search.data.items.length > 0 ? <UnitList units={search.data.items} /> : null}
      </section>
    </>
  );
}

function UnitList({ units }: Readonly<{ units: readonly UnitView[] }>) {
  return (
    <ul className={styles.units}>
      {units.map((unit) => (
        <li key={unit.hsaId} className={styles.unit}>
          <Link to={`/mottagningar/${encodeURIComponent(unit.hsaId)}`} className={styles.unitName}>
            {unit.name}
          </Link>
          <span className="muted">{unit.address}</span>
        </li>
      ))}
    </ul>
  );
}
