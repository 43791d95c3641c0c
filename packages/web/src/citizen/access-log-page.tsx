import { Link } from 'react-router';
import { useAccessLog } from '../api/citizen-queries.ts';
import type { MessageId } from '../i18n/messages.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { formatDateTime, isoDateTime } from '../ui/format.ts';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import styles from './access-log-page.module.css';

const ACTIONS: Readonly<Record<string, MessageId>> = {
  read: 'accessLog.action.read',
  assign: 'accessLog.action.assign',
  'take-back': 'accessLog.action.takeBack',
  answer: 'accessLog.action.answer',
  close: 'accessLog.action.close',
  reopen: 'accessLog.action.reopen',
  list: 'accessLog.action.list',
  'export-record': 'accessLog.action.exportRecord',
};

const ROLES: Readonly<Record<string, MessageId>> = {
  receiver: 'accessLog.role.receiver',
  caregiver: 'accessLog.role.caregiver',
};

/** "Who has read my errands": every time staff read or changed the content of the citizen's errands. */
export function AccessLogPage() {
  const t = useText();
  const localized = useLocalized();
  const log = useAccessLog();
  useDocumentTitle(t('common.documentTitle', { page: t('accessLog.heading') }));
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <h1>{t('accessLog.heading')}</h1>
      <p>{t('accessLog.lead')}</p>
      {log.isPending ? <Loading /> : null}
      {log.isError ? <LoadError error={log.error} onRetry={() => void log.refetch()} /> : null}
      {log.data && entries.length === 0 ? <p>{t('accessLog.empty')}</p> : null}
      {entries.length > 0 ? (
        <ol className={styles.entries}>
          {entries.map((entry) => (
            <li key={`${entry.errandId}-${entry.at}-${entry.staff}-${entry.action}`} className={styles.entry}>
              <time dateTime={isoDateTime(entry.at)} className={styles.when}>
                {formatDateTime(entry.at)}
              </time>
              <p>
                {t(ACTIONS[entry.action] ?? 'accessLog.action.other', {
                  staff: entry.staff,
                  role: t(ROLES[entry.role] ?? 'accessLog.role.other'),
                })}
              </p>
              <p className="muted">
                <Link to={`/arenden/${encodeURIComponent(entry.errandId)}`}>{localized(entry.errandType.name)}</Link>
                {' · '}
                {entry.unit.name}
              </p>
            </li>
          ))}
        </ol>
      ) : null}
      {log.hasNextPage ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
        >
          {t('common.showMore')}
        </button>
      ) : null}
    </>
  );
}
