import { findBaseErrandType } from '@kontakta/domain';
import { type RegionChange, useRegionChanges } from '../api/region-queries.ts';
import type { MessageId } from '../i18n/messages.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { formatDateTime, isoDateTime } from '../ui/format.ts';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import styles from './change-log-page.module.css';

const ACTIONS: Readonly<Record<string, MessageId>> = {
  'errand-type-allowed': 'region.changes.action.allowed',
  'errand-type-disallowed': 'region.changes.action.disallowed',
  'errand-type-defaults-changed': 'region.changes.action.defaultsChanged',
};

/** `/personal/region/andringslogg`: who changed the region's base offering and when, newest first. */
export function RegionChangeLogPage() {
  const t = useText();
  const localized = useLocalized();
  const changes = useRegionChanges();
  useDocumentTitle(t('common.documentTitle', { page: t('region.changes.heading') }));
  const entries = changes.data?.pages.flatMap((page) => page.items) ?? [];

  const describe = (change: RegionChange): string => {
    const base = change.errandType ? findBaseErrandType(change.errandType) : undefined;
    const values = { type: base ? localized(base.name) : (change.errandType ?? ''), action: change.action };
    const id = ACTIONS[change.action];
    return id ? t(id, values) : t('changes.action.other', values);
  };

  return (
    <>
      <h1>{t('region.changes.heading')}</h1>
      <p>{t('region.changes.lead')}</p>
      {changes.isPending ? <Loading /> : null}
      {changes.isError ? <LoadError error={changes.error} onRetry={() => void changes.refetch()} /> : null}
      {changes.data && entries.length === 0 ? <p>{t('changes.empty')}</p> : null}
      {entries.length > 0 ? (
        <ol className={styles.entries}>
          {entries.map((change) => (
            <li
              key={`${change.at}-${change.staffHsaId}-${change.action}-${change.errandType}`}
              className={styles.entry}
            >
              <time dateTime={isoDateTime(change.at)} className={styles.when}>
                {formatDateTime(change.at)}
              </time>
              <p className={styles.what}>{describe(change)}</p>
              <p className="muted">{t('changes.by', { name: change.staffName, hsaId: change.staffHsaId })}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {changes.hasNextPage ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={changes.isFetchingNextPage}
          onClick={() => void changes.fetchNextPage()}
        >
          {t('common.showMore')}
        </button>
      ) : null}
    </>
  );
}
