import { useCaregivers, useInbox, useStaffProfile, useUnanswered } from '../api/staff-queries.ts';
import type { MessageId } from '../i18n/messages.ts';
import { useText } from '../i18n/use-text.ts';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { StaffErrandTable } from './staff-errand-table.tsx';
import styles from './unanswered-page.module.css';

const BRACKETS: Readonly<Record<string, MessageId>> = {
  'under-1-day': 'staff.unanswered.bracket.under1',
  '1-2-days': 'staff.unanswered.bracket.1to2',
  '3-6-days': 'staff.unanswered.bracket.3to6',
  '7-days-or-more': 'staff.unanswered.bracket.7plus',
};

const STANDINGS: Readonly<Record<string, MessageId>> = {
  overdue: 'staff.unanswered.deadline.overdue',
  'due-today': 'staff.unanswered.deadline.today',
  'due-tomorrow': 'staff.unanswered.deadline.tomorrow',
  later: 'staff.unanswered.deadline.later',
  'no-reply-time': 'staff.unanswered.deadline.none',
};

/**
 * How many errands wait for the unit, by time left to their reply deadline and by how long they
 * have waited, and the ones that have waited longest.
 */
export function UnansweredPage() {
  const t = useText();
  const overview = useUnanswered();
  const waiting = useInbox({ filter: 'unanswered', errandType: '', sort: 'received', q: '' });
  const profile = useStaffProfile();
  const caregivers = useCaregivers(true);
  const names = new Map((caregivers.data?.items ?? []).map((caregiver) => [caregiver.hsaId, caregiver.name]));
  const items = waiting.data?.pages.flatMap((page) => page.items) ?? [];
  useDocumentTitle(t('common.documentTitle', { page: t('staff.unanswered.heading') }));
  return (
    <>
      <h1>{t('staff.unanswered.heading')}</h1>
      {overview.isPending ? <Loading /> : null}
      {overview.isError ? <LoadError error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      {overview.data ? (
        <section aria-labelledby="unanswered-ages">
          <h2 id="unanswered-ages">{t('staff.unanswered.total', { count: overview.data.total })}</h2>
          <h3>{t('staff.unanswered.byDeadline')}</h3>
          <dl className={styles.brackets}>
            {overview.data.byDeadline.map((group) => (
              <div
                key={group.label}
                className={group.label === 'overdue' && group.count > 0 ? styles.overdue : styles.bracket}
              >
                <dt>{t(STANDINGS[group.label] ?? 'staff.unanswered.bracket.other')}</dt>
                <dd>{group.count}</dd>
              </div>
            ))}
          </dl>
          <h3>{t('staff.unanswered.byAge')}</h3>
          <dl className={styles.brackets}>
            {overview.data.brackets.map((bracket) => (
              <div key={bracket.label} className={styles.bracket}>
                <dt>{t(BRACKETS[bracket.label] ?? 'staff.unanswered.bracket.other')}</dt>
                <dd>{bracket.count}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <section aria-labelledby="unanswered-oldest">
        <h2 id="unanswered-oldest">{t('staff.unanswered.oldest')}</h2>
        {waiting.isError ? <LoadError error={waiting.error} onRetry={() => void waiting.refetch()} /> : null}
        {waiting.data && items.length === 0 ? <p>{t('staff.inbox.empty')}</p> : null}
        {items.length > 0 ? (
          <StaffErrandTable
            caption={t('staff.unanswered.oldest')}
            errands={items}
            nameOf={(hsaId) => (hsaId === profile.data?.hsaId ? t('staff.you') : (names.get(hsaId) ?? hsaId))}
          />
        ) : null}
      </section>
    </>
  );
}
