import type { StaffErrandDetail } from '@kontakta/contract';
import { allowedCommands } from '@kontakta/domain';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useStaffErrand, useStaffProfile } from '../api/staff-queries.ts';
import type { MessageId } from '../i18n/messages.ts';
import { useLocalized, useText } from '../i18n/use-text.ts';
import { ErrandHistory, ErrandStatus, ErrandThread } from '../ui/errand-thread.tsx';
import { focusLater } from '../ui/focus-later.ts';
import { formatDateTime, formatPersonnummer, isoDateTime } from '../ui/format.ts';
import { Loading, PageLoadError } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { AnswerSection } from './answer-section.tsx';
import { CloseErrandForm } from './close-errand-form.tsx';
import { InternalNotesSection } from './internal-notes-section.tsx';
import { RecordCopySection } from './record-copy-section.tsx';
import { Routing } from './routing-section.tsx';
import styles from './staff-errand-page.module.css';

/** One errand in the staff tool: who it is about, what they wrote, routing, the answer, the history. */
export function StaffErrandPage() {
  const t = useText();
  const localized = useLocalized();
  const { id = '' } = useParams();
  const errand = useStaffErrand(id);
  const profile = useStaffProfile();
  const [notice, setNoticeState] = useState<{ text: string; error?: boolean } | undefined>();
  // After sending, assigning or closing, the form that was used may be gone: the eye and focus go
  // to the result, next to where the button was.
  const setNotice = (next: { text: string; error?: boolean }) => {
    setNoticeState(next);
    focusLater('errand-notice');
  };
  const title = errand.data ? localized(errand.data.errandType.name) : t('staff.errand.documentTitle');
  useDocumentTitle(t('common.documentTitle', { page: title }));

  if (errand.isPending || profile.isPending) return <Loading />;
  if (errand.isError) return <PageLoadError error={errand.error} onRetry={() => void errand.refetch()} />;
  if (profile.isError) return <PageLoadError error={profile.error} onRetry={() => void profile.refetch()} />;
  const data = errand.data;
  const me = profile.data;
  const isReceiver = me.roles.includes('receiver');
  // The buttons are what the domain's state machine would accept from this person now.
  const allowed = allowedCommands(data, me);
  // Answered errands wait for the citizen; a reply puts them back to 'assigned', and the form returns.
  // (The state machine would take a second answer; the page offers one only while an answer is due.)
  const mayAnswer = allowed.has('answer') && data.status === 'assigned';
  const replyWaiting = data.status !== 'closed' && data.messages.at(-1)?.kind === 'citizen-reply';

  return (
    <>
      <p className="breadcrumb">
        <Link to={isReceiver ? '/personal/inkorg' : '/personal/mina-arenden'}>{t('staff.errand.back')}</Link>
      </p>
      <h1>{title}</h1>
      {data.citizen ? (
        <section className={styles.citizen} aria-labelledby="errand-citizen">
          <h2 id="errand-citizen" className="visually-hidden">
            {t('staff.errand.citizen')}
          </h2>
          <p className={styles.citizenName}>{data.citizen.name}</p>
          <p>{formatPersonnummer(data.citizen.personnummer)}</p>
          {data.sentByProxy ? (
            <p className={styles.sentByProxy}>
              {t('staff.errand.sentByProxy', { proxy: data.sentByProxy.name, citizen: data.citizen.name })}
            </p>
          ) : null}
        </section>
      ) : null}
      <p>
        {t('staff.errands.received')}{' '}
        <time dateTime={isoDateTime(data.createdAt)}>{formatDateTime(data.createdAt)}</time>{' '}
        <ErrandStatus status={data.status} viewer="staff" />
        {data.deletesOn ? <> · {t('staff.errands.deletesOn', { date: data.deletesOn })}</> : null}
      </p>
      {replyWaiting ? <p className="notice">{t('staff.errand.replyWaiting')}</p> : null}

      {/* On a wide screen the content and the work on it stand side by side. */}
      <div className={styles.layout}>
        <div className={styles.content}>
          <section aria-labelledby="errand-thread">
            <h2 id="errand-thread">{t('staff.errand.thread')}</h2>
            <ErrandThread errand={data} viewer="staff" />
          </section>
          <section aria-labelledby="errand-history">
            <h2 id="errand-history">{t('staff.errand.history')}</h2>
            <ErrandHistory history={historyWithNotes(data)} />
          </section>
        </div>
        <div className={styles.work}>
          {/* The result of what was just done, at the top of the column it was done in, with focus. */}
          <div role="status">
            {notice ? (
              <p
                id="errand-notice"
                tabIndex={-1}
                className={notice.error ? 'notice notice-error' : 'notice notice-success'}
              >
                {notice.text}
              </p>
            ) : null}
          </div>
          <Routing errand={data} me={me} isReceiver={isReceiver} allowed={allowed} onDone={setNotice} />

          {mayAnswer ? <AnswerSection errand={data} onDone={(text) => setNotice({ text })} /> : null}

          <InternalNotesSection errand={data} onDone={(text) => setNotice({ text })} />

          {allowed.has('close') ? <CloseErrandForm errand={data} onDone={setNotice} /> : null}
          <RecordCopySection errandId={data.id} />

          {data.notifications && data.notifications.length > 0 ? (
            <section aria-labelledby="errand-notifications">
              <h2 id="errand-notifications">{t('staff.errand.notifications')}</h2>
              <ul>
                {data.notifications.map((notification) => (
                  <li key={`${notification.channel}-${notification.createdAt}-${notification.to}`}>
                    <time dateTime={isoDateTime(notification.createdAt)}>{formatDateTime(notification.createdAt)}</time>{' '}
                    {t(notification.channel === 'sms' ? 'staff.notification.sms' : 'staff.notification.email', {
                      to: notification.to,
                    })}
                    {': '}
                    {t(NOTIFICATION_STATUS[notification.status] ?? 'staff.notification.pending')}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}

/** The errand's events and, for staff, when each internal note was written and by whom. */
function historyWithNotes(errand: StaffErrandDetail) {
  const notes = (errand.notes ?? []).map((note) => ({
    type: 'note' as const,
    at: note.createdAt,
    actor: { kind: 'staff' as const, display: note.author },
  }));
  return [...errand.history, ...notes].sort((a, b) => a.at - b.at);
}

const NOTIFICATION_STATUS = {
  pending: 'staff.notification.pending',
  delivered: 'staff.notification.delivered',
  failed: 'staff.notification.failed',
  bounced: 'staff.notification.bounced',
} as const satisfies Record<string, MessageId>;
