import type { InboxMessage } from '@kontakta/contract';
import { useState } from 'react';
import { useInboxMessages, useMarkMessageRead } from '../api/citizen-queries.ts';
import { useText } from '../i18n/use-text.ts';
import { formatDateTime, isoDateTime } from '../ui/format.ts';
import { LoadError } from '../ui/page-state.tsx';
import styles from './inbox-messages.module.css';

/**
 * Messages from the service or a unit, beside the errands in the inbox (e.g. that a proxy ends).
 * Each opens in place (a disclosure button); opening an unread one marks it read. Nothing shows
 * when there are none: the inbox is about errands first.
 */
export function InboxMessages() {
  const t = useText();
  const messages = useInboxMessages();
  const items = messages.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = messages.data?.pages[0]?.unread ?? 0;
  if (messages.isError) return <LoadError error={messages.error} onRetry={() => void messages.refetch()} />;
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="inbox-messages" className={styles.section}>
      <h2 id="inbox-messages">{t('messages.heading')}</h2>
      {unread > 0 ? <p className={styles.unreadNote}>{t('messages.unread', { count: unread })}</p> : null}
      <ul className={styles.list}>
        {items.map((message) => (
          <MessageRow key={message.id} message={message} />
        ))}
      </ul>
      {messages.hasNextPage ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={messages.isFetchingNextPage}
          onClick={() => void messages.fetchNextPage()}
        >
          {t('common.showMore')}
        </button>
      ) : null}
    </section>
  );
}

function MessageRow({ message }: Readonly<{ message: InboxMessage }>) {
  const t = useText();
  const markRead = useMarkMessageRead();
  const [open, setOpen] = useState(false);
  const bodyId = `inbox-message-${message.id}`;
  const toggle = () => {
    const opening = !open;
    setOpen(opening);
    if (opening && !message.read && !markRead.isPending) markRead.mutate(message.id);
  };
  return (
    <li className={`${styles.row} ${message.read ? '' : styles.unread}`}>
      <h3 className={styles.title}>
        <button type="button" className={styles.toggle} aria-expanded={open} aria-controls={bodyId} onClick={toggle}>
          <span aria-hidden="true" className={styles.marker}>
            {open ? '▾' : '▸'}
          </span>
          <span>
            <span className={styles.subject}>{message.subject}</span>
            {message.read ? null : (
              <>
                {' '}
                <span className={styles.unreadMark}>{t('errands.unread')}</span>
              </>
            )}
          </span>
        </button>
      </h3>
      <p className={styles.meta}>
        {t('messages.from', { from: message.from })}
        {' · '}
        <time dateTime={isoDateTime(message.createdAt)}>{formatDateTime(message.createdAt)}</time>
      </p>
      <div id={bodyId} hidden={!open} className={styles.body}>
        <p>{message.body}</p>
      </div>
    </li>
  );
}
