import { INBOX_SORTS, type InboxFilter, type InboxSort } from '@kontakta/contract';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCaregivers, useInbox, useStaffProfile, useUnitErrandTypes } from '../api/staff-queries.ts';
import type { MessageId } from '../i18n/messages.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { BulkAssignForm } from './bulk-assign-form.tsx';
import styles from './inbox-page.module.css';
import { StaffErrandTable } from './staff-errand-table.tsx';

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

function sortFrom(value: string | null): InboxSort {
  return INBOX_SORTS.find((sort) => sort === value) ?? 'received';
}

/**
 * The unit's inbox for receivers: filters with counts, search by personnummer or name, a table
 * ordered as chosen (oldest first by default), and routing several errands at once. Filter,
 * search and order are in the address, so reload and back keep them.
 */
export function InboxPage() {
  const t = useText();
  const [params, setParams] = useSearchParams();
  const localized = useLocalized();
  const view = {
    filter: filterFrom(params.get('filter')),
    errandType: params.get('typ') ?? '',
    sort: sortFrom(params.get('ordning')),
    q: params.get('q') ?? '',
  };
  const inbox = useInbox(view);
  const profile = useStaffProfile();
  const types = useUnitErrandTypes(profile.data?.unit?.hsaId);
  const [search, setSearch] = useState(view.q);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const show = (next: Partial<typeof view>) => {
    const merged = { ...view, ...next };
    const query: Record<string, string> = {};
    if (merged.filter !== 'all') query.filter = merged.filter;
    if (merged.errandType) query.typ = merged.errandType;
    if (merged.sort !== 'received') query.ordning = merged.sort;
    if (merged.q) query.q = merged.q;
    setParams(query);
    setSelected(new Set());
  };
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    show({ q: search.trim() });
  };
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
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
                aria-pressed={entry.filter === view.filter}
                onClick={() => show({ filter: entry.filter })}
              >
                {t(entry.label)}
                {entry.count && counts ? <span className={styles.count}> ({counts[entry.count]})</span> : null}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className={styles.tools}>
        <search>
          <form className={styles.search} onSubmit={submitSearch}>
            <div className="field">
              <label htmlFor="inbox-search">{t('staff.inbox.search')}</label>
              <input
                id="inbox-search"
                className="input"
                type="search"
                autoComplete="off"
                maxLength={80}
                value={search}
                onChange={(event) => setSearch(event.target.value)}
              />
            </div>
            <button type="submit" className="button button-secondary">
              {t('staff.inbox.search.submit')}
            </button>
          </form>
        </search>
        <div className={`field ${styles.typeFilter}`}>
          <label htmlFor="inbox-type">{t('staff.inbox.type')}</label>
          <select
            id="inbox-type"
            className="input"
            value={view.errandType}
            onChange={(event) => show({ errandType: event.target.value })}
          >
            <option value="">{t('staff.inbox.type.all')}</option>
            {(types.data?.errandTypes ?? []).map((type) => (
              <option key={type.id} value={type.id}>
                {localized(type.name)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div role="status" className="visually-hidden">
        {inbox.data ? t('staff.inbox.shown', { count: items.length }) : ''}
      </div>
      {inbox.isPending ? <Loading /> : null}
      {inbox.isError ? <LoadError error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
      {inbox.data && items.length === 0 ? <p>{t('staff.inbox.empty')}</p> : null}
      {items.length > 0 ? (
        <>
          <BulkAssignForm
            selected={[...selected]}
            caregivers={caregivers.data?.items ?? []}
            onDone={() => setSelected(new Set())}
          />
          <StaffErrandTable
            caption={heading}
            errands={items}
            sort={{ current: view.sort, choose: (sort) => show({ sort }) }}
            selection={{ selected, toggle }}
            nameOf={(hsaId) => (hsaId === profile.data?.hsaId ? t('staff.you') : (names.get(hsaId) ?? hsaId))}
          />
        </>
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
