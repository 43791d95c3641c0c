import { useCaregivers, useInbox, useStaffProfile, useUnanswered } from '../api/staff-queries.ts';
import type { MessageId } from '../i18n/messages.ts';
import { useText } from '../i18n/use-text.ts';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { StaffErrandRows } from './staff-errand-rows.tsx';
import styles from './unanswered-page.module.css';

const BRACKETS: Readonly<Record<string, MessageId>> = {
  'under-1-day': 'staff.unanswered.bracket.under1',
  '1-2-days': 'staff.unanswered.bracket.1to2',
  '3-6-days': 'staff.unanswered.bracket.3to6',
  '7-days-or-more': 'staff.unanswered.bracket.7plus',
};

/** How many errands wait for the unit and for how long, and the ones that have waited longest. */
export function UnansweredPage() {
  const t = useText();
  const overview = useUnanswered();
  const waiting = useInbox('unanswered', '');
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
          <StaffErrandRows
            errands={items}
            nameOf={(hsaId) => (hsaId === profile.data?.hsaId ? t('staff.you') : (names.get(hsaId) ?? hsaId))}
          />
        ) : null}
      </section>
    </>
  );
}
