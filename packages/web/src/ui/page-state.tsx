import { Link, useLocation } from 'react-router';
import { ApiError } from '../api/api-client.ts';
import { useText } from '../i18n/use-text.ts';
import { useDocumentTitle } from './use-document-title.ts';

/** Shown while a page's data loads; announced politely, once. */
export function Loading() {
  const t = useText();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

/** A page's data could not be loaded: what happened in words, and a way to try again. */
export function LoadError({ error, onRetry }: Readonly<{ error: unknown; onRetry?: () => void }>) {
  const t = useText();
  const notFound = error instanceof ApiError && error.status === 404;
  // 410: an errand deleted under the retention rules; the link is right, the errand is gone.
  const deleted = error instanceof ApiError && error.problem?.code === 'errand-deleted';
  // 503: the server sheds load rather than keep everyone waiting; nothing is wrong with the page.
  const busy = error instanceof ApiError && error.status === 503;
  return (
    <div className="notice notice-error" role="alert">
      <p>
        {deleted
          ? t('common.errandDeleted')
          : notFound
            ? t('common.notFound')
            : busy
              ? t('common.busy')
              : t('common.loadError')}
      </p>
      {onRetry && !notFound && !deleted ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      ) : null}
    </div>
  );
}

/**
 * A whole page that could not be shown: a heading (the page has no other), what happened, and a
 * way back to the start of the part of the service the reader is in. Not found and no access read
 * the same, so that a link to someone else's errand tells nothing.
 */
export function PageLoadError({ error, onRetry }: Readonly<{ error: unknown; onRetry?: () => void }>) {
  const t = useText();
  const { pathname } = useLocation();
  const missing = error === undefined || (error instanceof ApiError && [403, 404, 410].includes(error.status));
  const heading = t(missing ? 'common.notFound.heading' : 'common.loadError.heading');
  useDocumentTitle(t('common.documentTitle', { page: heading }));
  const staff = pathname === '/personal' || pathname.startsWith('/personal/');
  return (
    <>
      <h1>{heading}</h1>
      <LoadError error={error} {...(onRetry ? { onRetry } : {})} />
      <p>
        <Link to={staff ? '/personal' : '/'}>{t(staff ? 'common.backToStaffStart' : 'notFound.home')}</Link>
      </p>
    </>
  );
}
