import { useMyErrands, useStaffProfile } from '../api/staff-queries.ts';
import { useText } from '../i18n/use-text.ts';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { StaffErrandRows } from './staff-errand-rows.tsx';

/** A caregiver's own list: the errands assigned to them, across the units where they are caregivers. */
export function MyErrandsPage() {
  const t = useText();
  const errands = useMyErrands();
  const profile = useStaffProfile();
  const items = errands.data?.pages.flatMap((page) => page.items) ?? [];
  useDocumentTitle(t('common.documentTitle', { page: t('staff.mine.heading') }));
  return (
    <>
      <h1>{t('staff.mine.heading')}</h1>
      <p>{t('staff.mine.lead')}</p>
      {errands.isPending ? <Loading /> : null}
      {errands.isError ? <LoadError error={errands.error} onRetry={() => void errands.refetch()} /> : null}
      {errands.data && items.length === 0 ? <p>{t('staff.mine.empty')}</p> : null}
      {items.length > 0 ? (
        <StaffErrandRows
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
