import type { CitizenFolder } from '@kontakta/contract';
import { NavLink } from 'react-router';
import { useCitizenErrands } from '../api/citizen-queries.ts';
import type { MessageId } from '../i18n/messages.ts';
import { useText } from '../i18n/use-text.ts';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import styles from './errand-list-page.module.css';
import { ErrandRows } from './errand-rows.tsx';
import { InboxMessages } from './inbox-messages.tsx';
import { NotificationNotice } from './notification-notice.tsx';

const FOLDERS: ReadonlyArray<{ folder: CitizenFolder; path: string; label: MessageId; empty: MessageId }> = [
  { folder: 'inbox', path: '/inkorg', label: 'errands.folder.inbox', empty: 'errands.empty.inbox' },
  { folder: 'sent', path: '/inkorg/skickade', label: 'errands.folder.sent', empty: 'errands.empty.sent' },
  { folder: 'archive', path: '/inkorg/arkiv', label: 'errands.folder.archive', empty: 'errands.empty.archive' },
];

/** The citizen's errands: answers in the inbox, everything sent, and the archive. */
export function ErrandListPage({ folder }: Readonly<{ folder: CitizenFolder }>) {
  const t = useText();
  const errands = useCitizenErrands(folder);
  const current = FOLDERS.find((entry) => entry.folder === folder) ?? FOLDERS[0];
  const heading = t(current?.label ?? 'errands.folder.inbox');
  useDocumentTitle(t('common.documentTitle', { page: heading }));
  const counts = errands.data?.pages[0]?.counts;
  const items = errands.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <h1>{heading}</h1>
      <nav aria-label={t('errands.folders')} className={styles.folders}>
        <ul>
          {FOLDERS.map((entry) => (
            <li key={entry.folder}>
              <NavLink to={entry.path} end>
                {t(entry.label)}
                {counts ? <span className="muted"> ({counts[entry.folder]})</span> : null}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {folder === 'inbox' ? <NotificationNotice /> : null}
      {folder === 'inbox' && counts && counts.unread > 0 ? (
        <p className={styles.unread}>{t('home.errands.unread', { count: counts.unread })}</p>
      ) : null}
      {errands.isPending ? <Loading /> : null}
      {errands.isError ? <LoadError error={errands.error} onRetry={() => void errands.refetch()} /> : null}
      {errands.data && items.length === 0 ? <p>{t(current?.empty ?? 'errands.empty.inbox')}</p> : null}
      {items.length > 0 ? <ErrandRows errands={items} headingLevel={2} /> : null}
      {errands.hasNextPage ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={errands.isFetchingNextPage}
          onClick={() => void errands.fetchNextPage()}
        >
          {t('common.showMore')}
        </button>
      ) : null}
      {/* After the errands: each errand is a heading of its own, and this section's text belongs under its heading. */}
      {folder === 'inbox' ? <InboxMessages /> : null}
    </>
  );
}
