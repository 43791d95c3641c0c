import { ApiError } from '../api/api-client.ts';
import { useText } from '../i18n/use-text.ts';

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
