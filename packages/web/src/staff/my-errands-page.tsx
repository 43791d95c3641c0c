import { useSearchParams } from 'react-router';
import { useMyErrands, useStaffProfile } from '../api/staff-queries.ts';
import { useText } from '../i18n/use-text.ts';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { StaffErrandTable } from './staff-errand-table.tsx';

/**
 * A caregiver's own list: the errands waiting for them (assigned, or with a citizen's reply),
 * across the units where they are caregivers. Those they have answered are one tick away; the
 * choice is in the URL, so back and reload keep it.
 */
export function MyErrandsPage() {
  const t = useText();
  const [params, setParams] = useSearchParams();
  const showAll = params.get('visa') === 'alla';
  const errands = useMyErrands(showAll ? 'all' : 'waiting');
  const profile = useStaffProfile();
  const items = errands.data?.pages.flatMap((page) => page.items) ?? [];
  useDocumentTitle(t('common.documentTitle', { page: t('staff.mine.heading') }));
  return (
    <>
      <h1>{t('staff.mine.heading')}</h1>
      <p>{t('staff.mine.lead')}</p>
      <div className="checkbox-row">
        <input
          id="mine-show-answered"
          type="checkbox"
          checked={showAll}
          onChange={(event) => setParams(event.target.checked ? { visa: 'alla' } : {}, { replace: true })}
        />
        <label htmlFor="mine-show-answered">{t('staff.mine.showAnswered')}</label>
      </div>
      {errands.isPending ? <Loading /> : null}
      {errands.isError ? <LoadError error={errands.error} onRetry={() => void errands.refetch()} /> : null}
      {errands.data && items.length === 0 ? <p>{t(showAll ? 'staff.mine.emptyAll' : 'staff.mine.empty')}</p> : null}
      {items.length > 0 ? (
        <StaffErrandTable
          caption={t('staff.mine.heading')}
          errands={items}
          showUnit
          nameOf={(hsaId) => (hsaId === profile.data?.hsaId ? t('staff.you') : hsaId)}
        />
      ) : null}
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
    </>
  );
}
