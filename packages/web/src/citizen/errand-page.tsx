import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/api-client.ts';
import { useArchiveErrand, useCitizenErrand, useReplyToErrand } from '../api/citizen-queries.ts';
import { useUnsavedForm } from '../forms/unsaved-changes.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { ErrandHistory, ErrandStatus, ErrandThread } from '../ui/errand-thread.tsx';
import { focusLater } from '../ui/focus-later.ts';
import { formatDateTime, isoDateTime } from '../ui/format.ts';
import { Loading, PageLoadError } from '../ui/page-state.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';

const REPLY_MAX = 5000;

/** One errand: the thread (what was sent, the unit's answer, replies), reply where allowed, archive, history. */
export function ErrandPage() {
  const t = useText();
  const localized = useLocalized();
  const { id = '' } = useParams();
  const errand = useCitizenErrand(id);
  const archive = useArchiveErrand(id);
  const [notice, setNotice] = useState<string | undefined>();
  const title = errand.data ? localized(errand.data.errandType.name) : t('errand.documentTitle');
  useDocumentTitle(t('common.documentTitle', { page: title }));

  if (errand.isPending) return <Loading />;
  if (errand.isError) return <PageLoadError error={errand.error} onRetry={() => void errand.refetch()} />;
  const data = errand.data;

  const say = (text: string) => {
    setNotice(text);
    focusLater('errand-result');
  };
  const toggleArchive = async () => {
    setNotice(undefined);
    try {
      await archive.mutateAsync(!data.archived);
      say(t(data.archived ? 'errand.unarchived' : 'errand.archived'));
    } catch {
      say(t('errand.actionFailed'));
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to={data.archived ? '/inkorg/arkiv' : '/inkorg/skickade'}>{t('errand.back')}</Link>
      </p>
      <h1>{title}</h1>
      <p>
        {data.unit.name}
        {' · '}
        {t('errand.sentAt')} <time dateTime={isoDateTime(data.createdAt)}>{formatDateTime(data.createdAt)}</time>{' '}
        <ErrandStatus status={data.status} viewer="citizen" />
      </p>
      {data.deletesOn ? <p className="notice">{t('errand.deletesOn', { date: data.deletesOn })}</p> : null}

      <section aria-labelledby="errand-thread">
        <h2 id="errand-thread">{t('errand.thread')}</h2>
        <ErrandThread errand={data} viewer="citizen" />
      </section>

      {data.replyAllowed ? <ReplyForm errandId={id} onSent={() => say(t('errand.reply.sent'))} /> : null}

      {/* The result of sending a reply or archiving, beside the buttons, with focus. */}
      <div role="status">
        {notice ? (
          <p id="errand-result" tabIndex={-1} className="notice">
            {notice}
          </p>
        ) : null}
      </div>

      <div className="actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={archive.isPending}
          onClick={() => void toggleArchive()}
        >
          {t(data.archived ? 'errand.unarchive' : 'errand.archive')}
        </button>
        <Link to="/vem-har-last">{t('errand.whoHasRead')}</Link>
      </div>

      <section aria-labelledby="errand-history">
        <h2 id="errand-history">{t('errand.history')}</h2>
        <ErrandHistory history={data.history} />
      </section>
    </>
  );
}

function ReplyForm({ errandId, onSent }: Readonly<{ errandId: string; onSent: () => void }>) {
  const t = useText();
  const reply = useReplyToErrand(errandId);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  // A reply half written is lost if the page is left: ask first (the layout's question).
  useUnsavedForm(text.trim() !== '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const message = text.trim();
    if (message === '') return setError(t('errand.reply.missing'));
    if ([...message].length > REPLY_MAX) return setError(t('errand.reply.tooLong', { max: REPLY_MAX }));
    setError(undefined);
    try {
      await reply.mutateAsync(message);
      setText('');
      onSent();
    } catch (failure) {
      setError(
        t(failure instanceof ApiError && failure.status === 409 ? 'errand.reply.notAllowed' : 'errand.reply.failed'),
      );
    }
  };

  return (
    <section aria-labelledby="errand-reply">
      <h2 id="errand-reply">{t('errand.reply.heading')}</h2>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id="reply-message"
          multiline
          label={t('errand.reply.label')}
          hint={t('errand.reply.hint', { max: REPLY_MAX })}
          error={error}
          errorPrefix={t('form.errorPrefix')}
          value={text}
          onChange={setText}
        />
        <button type="submit" className="button" disabled={reply.isPending}>
          {t('errand.reply.submit')}
        </button>
      </form>
    </section>
  );
}
