import type { CitizenErrandDetail } from '@kontakta/contract';
import type { ErrandStatus as Status } from '@kontakta/domain';
import { AnswersView } from '../forms/answers-view.tsx';
import type { MessageId } from '../i18n/messages.ts';
import { useText } from '../i18n/use-text.ts';
import styles from './errand-thread.module.css';
import { formatDateTime, isoDateTime } from './format.ts';
import { UserText } from './user-text.tsx';

type Viewer = 'citizen' | 'staff';
type Message = CitizenErrandDetail['messages'][number];
type HistoryEntry = CitizenErrandDetail['history'][number];
/** A line of the history: the errand's events, and for staff also their internal notes (`note`). */
type HistoryLine = Omit<HistoryEntry, 'type'> & { type: HistoryEntry['type'] | 'note' };

const MESSAGE_TITLES: Readonly<Record<Viewer, Readonly<Record<Message['kind'], MessageId>>>> = {
  citizen: {
    submission: 'thread.citizen.submission',
    answer: 'thread.citizen.answer',
    'citizen-reply': 'thread.citizen.reply',
  },
  staff: {
    submission: 'thread.staff.submission',
    answer: 'thread.staff.answer',
    'citizen-reply': 'thread.staff.reply',
  },
};

// Every answer form ends with whether the citizen may reply: a note for staff; the citizen sees
// the reply form itself instead.
const CITIZEN_HIDDEN_ANSWER_KEYS = ['citizenMayReply'];

/** The errand's messages in order: the form the citizen sent, answers on their answer form, replies. */
export function ErrandThread({ errand, viewer }: Readonly<{ errand: CitizenErrandDetail; viewer: Viewer }>) {
  const t = useText();
  return (
    <ol className={styles.thread}>
      {errand.messages.map((message) => (
        <li key={message.id} className={`${styles.message} ${message.kind === 'answer' ? styles.answer : ''}`}>
          <article aria-labelledby={`message-${message.id}`}>
            <h3 id={`message-${message.id}`} className={styles.title}>
              {t(MESSAGE_TITLES[viewer][message.kind])}
            </h3>
            <p className={styles.meta}>
              {message.author.display ? message.author.display : ''}
              {message.author.onBehalfOf ? ` ${t('history.onBehalfOf', { name: message.author.onBehalfOf })}` : ''}
              {message.author.display ? ', ' : ''}
              <time dateTime={isoDateTime(message.createdAt)}>{formatDateTime(message.createdAt)}</time>
            </p>
            {message.form ? (
              <AnswersView
                definition={message.form}
                answers={message.answers}
                hiddenKeys={viewer === 'citizen' && message.kind === 'answer' ? CITIZEN_HIDDEN_ANSWER_KEYS : []}
                // The answer form speaks to staff ("Meddelande till invånaren"); the citizen reads it as theirs.
                labels={viewer === 'citizen' && message.kind === 'answer' ? { message: t('answers.messageToYou') } : {}}
                // The citizen's own form speaks to them ("Läkemedel som du vill förnya"); staff read it
                // in the third person ("Läkemedel som invånaren vill förnya").
                forStaff={viewer === 'staff' && message.kind !== 'answer'}
              />
            ) : (
              <p className={styles.text}>
                <UserText text={replyText(message.answers)} />
              </p>
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}

function replyText(answers: unknown): string {
  const text = typeof answers === 'object' && answers !== null ? (answers as { message?: unknown }).message : '';
  return typeof text === 'string' ? text : '';
}

const EVENT_IDS: Readonly<Record<string, MessageId>> = {
  sent: 'history.sent',
  opened: 'history.opened',
  assigned: 'history.assigned',
  reassigned: 'history.reassigned',
  'taken-back': 'history.takenBack',
  answered: 'history.answered',
  'citizen-replied': 'history.citizenReplied',
  'read-by-citizen': 'history.readByCitizen',
  closed: 'history.closed',
  reopened: 'history.reopened',
  archived: 'history.archived',
  unarchived: 'history.unarchived',
  'moved-to-cover-unit': 'history.movedToCoverUnit',
  note: 'history.note',
};

/** What happened to the errand, when and by whom. */
export function ErrandHistory({ history }: Readonly<{ history: readonly HistoryLine[] }>) {
  const t = useText();
  return (
    <ol className={styles.history}>
      {history.map((entry, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: history entries are append-only and have no id.
        <li key={index}>
          <time dateTime={isoDateTime(entry.at)} className={styles.when}>
            {formatDateTime(entry.at)}
          </time>{' '}
          <span>
            {t(EVENT_IDS[entry.type] ?? 'history.other', { assignee: entry.assignee ?? '' })}
            {entry.actor.display ? ` – ${entry.actor.display}` : ''}
            {entry.actor.onBehalfOf ? ` ${t('history.onBehalfOf', { name: entry.actor.onBehalfOf })}` : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}

const STATUS_IDS: Readonly<Record<Viewer, Readonly<Record<Status, MessageId>>>> = {
  citizen: {
    new: 'status.citizen.new',
    open: 'status.citizen.open',
    assigned: 'status.citizen.assigned',
    answered: 'status.citizen.answered',
    closed: 'status.citizen.closed',
  },
  staff: {
    new: 'status.staff.new',
    open: 'status.staff.open',
    assigned: 'status.staff.assigned',
    answered: 'status.staff.answered',
    closed: 'status.staff.closed',
  },
};

/** The errand's state in words (with a shape beside the colour, so it does not rely on colour). */
export function ErrandStatus({ status, viewer }: Readonly<{ status: Status; viewer: Viewer }>) {
  const t = useText();
  return (
    <span className={`${styles.status} ${styles[`status-${status}`] ?? ''}`}>
      {t(STATUS_IDS[viewer][status] ?? 'status.unknown')}
    </span>
  );
}
