import type { ServiceAdminAction } from '@kontakta/contract';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { MessageId } from '../i18n/messages.ts';
import { useText } from '../i18n/use-text.ts';
import { formatDateTime, isoDateTime } from '../ui/format.ts';
import { LoadError, Loading } from '../ui/page-state.tsx';
import styles from './change-log-page.module.css';

type Change = Readonly<{ at: number; staffName: string; staffHsaId: string }>;

/** Changes to connected e-services: in a unit's log and in its region's. */
export const SERVICE_ACTIONS: Readonly<Record<ServiceAdminAction, MessageId>> = {
  'service-registered': 'changes.action.serviceRegistered',
  'service-changed': 'changes.action.serviceChanged',
  'service-removed': 'changes.action.serviceRemoved',
  'service-secret-renewed': 'changes.action.serviceSecretRenewed',
};

/**
 * A change log (a unit's or a region's): newest first, when, what and who, and "show more" for the
 * next page. `keyOf` tells entries apart (each change is its own request, so who, what and the
 * millisecond do); `details` says what changed.
 */
export function ChangeLogEntries<C extends Change>({
  changes,
  pending,
  keyOf,
  details,
}: Readonly<{
  changes: UseInfiniteQueryResult<InfiniteData<{ items: readonly C[] }>, Error>;
  /** Still loading something the entries need besides the log. */
  pending?: boolean;
  keyOf: (change: C) => string;
  details: (change: C) => ReactNode;
}>) {
  const t = useText();
  const entries = changes.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      {pending || changes.isPending ? <Loading /> : null}
      {changes.isError ? <LoadError error={changes.error} onRetry={() => void changes.refetch()} /> : null}
      {changes.data && entries.length === 0 ? <p>{t('changes.empty')}</p> : null}
      {entries.length > 0 ? (
        <ol className={styles.entries}>
          {entries.map((change) => (
            <li key={keyOf(change)} className={styles.entry}>
              <time dateTime={isoDateTime(change.at)} className={styles.when}>
                {formatDateTime(change.at)}
              </time>
              {details(change)}
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
