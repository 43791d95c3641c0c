import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { useCitizenErrand } from '../api/citizen-queries.ts';
import { AnswersView } from '../forms/answers-view.tsx';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { formatDateTime, isoDateTime } from '../ui/format.ts';
import { Loading, PageLoadError } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { NotificationNotice } from './notification-notice.tsx';

/**
 * The receipt after sending (`/arenden/<id>/kvitto`): drawn from what the server stored, so it
 * shows exactly what was sent, and a reload shows it again (not an empty form). Nothing of the
 * errand is kept in the browser to draw it.
 */
export function ReceiptPage() {
  const t = useText();
  const localized = useLocalized();
  const { id = '' } = useParams();
  const errand = useCitizenErrand(id);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t('common.documentTitle', { page: t('errandForm.sent.heading') }));
  const ready = errand.data !== undefined;
  // Focus goes to the result once it is there: the reader has just pressed Send.
  useEffect(() => {
    if (ready) headingRef.current?.focus();
  }, [ready]);

  if (errand.isPending) return <Loading />;
  if (errand.isError) return <PageLoadError error={errand.error} onRetry={() => void errand.refetch()} />;
  const data = errand.data;
  const submission = data.messages.find((message) => message.kind === 'submission');
  const typeName = localized(data.errandType.name);
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {t('errandForm.sent.heading')}
      </h1>
      <div className="notice notice-success">
        <p>
          {t('errandForm.sent.text', { unit: data.unit.name })}{' '}
          <time dateTime={isoDateTime(data.createdAt)}>{formatDateTime(data.createdAt)}</time>
        </p>
      </div>
      <NotificationNotice sayWhenSet />
      <section className="card" aria-labelledby="sent-summary">
        <h2 id="sent-summary">{t('errandForm.sent.summary', { type: typeName })}</h2>
        {submission ? <AnswersView definition={submission.form} answers={submission.answers} /> : null}
      </section>
      <div className="actions">
        <Link className="button" to={`/arenden/${encodeURIComponent(id)}`}>
          {t('errandForm.sent.toErrand')}
        </Link>
        <Link to="/">{t('errandForm.sent.toStart')}</Link>
      </div>
    </>
  );
}
