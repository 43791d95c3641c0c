import type { InboxFilter } from '@kontakta/contract';
import { useSearchParams } from 'react-router';
import { useCaregivers, useInbox, useStaffProfile, useUnitErrandTypes } from '../api/staff-queries.ts';
import type { MessageId } from '../i18n/messages.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import styles from './inbox-page.module.css';
import { StaffErrandRows } from './staff-errand-rows.tsx';

type CountName = 'new' | 'unassigned' | 'mine' | 'unanswered';
const FILTERS: ReadonlyArray<{ filter: InboxFilter; label: MessageId; count?: CountName }> = [
  { filter: 'all', label: 'staff.inbox.filter.all' },
  { filter: 'new', label: 'staff.inbox.filter.new', count: 'new' },
  { filter: 'unassigned', label: 'staff.inbox.filter.unassigned', count: 'unassigned' },
  { filter: 'mine', label: 'staff.inbox.filter.mine', count: 'mine' },
  { filter: 'unanswered', label: 'staff.inbox.filter.unanswered', count: 'unanswered' },
  { filter: 'assigned', label: 'staff.inbox.filter.assigned' },
  { filter: 'closed', label: 'staff.inbox.filter.closed' },
];

function filterFrom(value: string | null): InboxFilter {
  return FILTERS.find((entry) => entry.filter === value)?.filter ?? 'all';
}

/** The unit's inbox for receivers: filters with counts, oldest first. The filter is in the address. */
export function InboxPage() {
  const t = useText();
  const [params, setParams] = useSearchParams();
  const localized = useLocalized();
  const filter = filterFrom(params.get('filter'));
  const errandType = params.get('typ') ?? '';
  const inbox = useInbox(filter, errandType);
  const profile = useStaffProfile();
  const types = useUnitErrandTypes(profile.data?.unit?.hsaId);
  const show = (next: { filter?: InboxFilter; type?: string }) => {
    const query: Record<string, string> = {};
    const nextFilter = next.filter ?? filter;
    const nextType = next.type ?? errandType;
    if (nextFilter !== 'all') query.filter = nextFilter;
    if (nextType) query.typ = nextType;
    setParams(query);
  };
  const caregivers = useCaregivers(true);
  const names = new Map((caregivers.data?.items ?? []).map((caregiver) => [caregiver.hsaId, caregiver.name]));
  const counts = inbox.data?.pages[0]?.counts;
  const items = inbox.data?.pages.flatMap((page) => page.items) ?? [];
  const heading = t('staff.inbox.heading');
  useDocumentTitle(t('common.documentTitle', { page: heading }));
  return (
    <>
      <h1>
        {heading}
        {profile.data?.unit ? <span className={styles.unit}> {profile.data.unit.name}</span> : null}
      </h1>
      <nav aria-label={t('staff.inbox.filters')}>
        <ul className={styles.filters}>
          {FILTERS.map((entry) => (
            <li key={entry.filter}>
              <button
                type="button"
                className={styles.filter}
                aria-pressed={entry.filter === filter}
                onClick={() => show({ filter: entry.filter })}
              >
                {t(entry.label)}
                {entry.count && counts ? <span className={styles.count}> ({counts[entry.count]})</span> : null}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className={`field ${styles.typeFilter}`}>
        <label htmlFor="inbox-type">{t('staff.inbox.type')}</label>
        <select
          id="inbox-type"
          className="input"
          value={errandType}
          onChange={(event) => show({ type: event.target.value })}
        >
          <option value="">{t('staff.inbox.type.all')}</option>
          {(types.data?.errandTypes ?? []).map((type) => (
            <option key={type.id} value={type.id}>
              {localized(type.name)}
            </option>
          ))}
        </select>
      </div>
      <div role="status" className="visually-hidden">
        {inbox.data ? t('staff.inbox.shown', { count: items.length }) : ''}
      </div>
      {inbox.isPending ? <Loading /> : null}
      {inbox.isError ? <LoadError error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
      {inbox.data && items.length === 0 ? <p>{t('staff.inbox.empty')}</p> : null}
      {items.length > 0 ? (
        <StaffErrandRows
          errands={items}
          nameOf={(hsaId) => (hsaId === profile.data?.hsaId ? t('staff.you') : (names.get(hsaId) ?? hsaId))}
        />
      ) : null}
      {inbox.hasNextPage ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={inbox.isFetchingNextPage}
          onClick={() => void inbox.fetchNextPage()}
        >
          {t('common.showMore')}
        </button>
      ) : null}
    </>
  );
}
