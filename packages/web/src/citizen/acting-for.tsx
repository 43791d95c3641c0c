import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { resetIdentityData, useActFor, useSession } from '../api/session.ts';
import { LeavePageDialog } from '../forms/leave-page-dialog.tsx';
import { discardUnsavedChanges, hasUnsavedChanges } from '../forms/unsaved-changes.ts';
import { useText } from '../i18n/use-text.ts';
import styles from './acting-for.module.css';

/**
 * Switches the session to acting for a child (or back to oneself with `childId` null), then opens
 * the inbox: the child's errands and messages, or one's own. A form half filled in belongs to the
 * one acted for now, so with one on the page it asks first: render `question`.
 */
export function useSwitchActingFor() {
  const actFor = useActFor();
  const navigate = useNavigate();
  const [asking, setAsking] = useState<{ childId: string | null } | undefined>();
  const switchTo = (childId: string | null) => {
    switchedByReader = true;
    actFor.mutate(childId, {
      onSuccess: () => void navigate('/inkorg'),
      onError: () => {
        switchedByReader = false;
      },
    });
  };
  return {
    isPending: actFor.isPending,
    isError: actFor.isError,
    mutate: ({ childId }: { childId: string | null; name?: string }) =>
      hasUnsavedChanges() ? setAsking({ childId }) : switchTo(childId),
    question: (
      <LeavePageDialog
        isOpen={asking !== undefined}
        onStay={() => setAsking(undefined)}
        onLeave={() => {
          setAsking(undefined);
          // The reader chose: the navigation to the inbox that follows must not ask again.
          discardUnsavedChanges();
          if (asking) switchTo(asking.childId);
        }}
      />
    ),
  };
}

/**
 * "You are acting for Elsa Lindqvist", in the header of every page for as long as it is true, with
 * the way back. A labelled region, so a screen reader user finds it among the landmarks; the words
 * say it, not a colour.
 */
export function ActingForBanner() {
  const t = useText();
  const session = useSession();
  const actingFor = session.data?.info.actingFor ?? null;
  const back = useSwitchActingFor();
  if (!actingFor) return null;
  return (
    <section className={styles.banner} aria-labelledby="acting-for-text">
      <div className={`${styles.inner} container`}>
        <p id="acting-for-text" className={styles.text}>
          {t('acting.text', { name: actingFor.name })}
        </p>
        <button
          type="button"
          className="button button-secondary"
          disabled={back.isPending}
          onClick={() => back.mutate({ childId: null })}
        >
          {t('acting.back')}
        </button>
        {back.question}
        {back.isError ? (
          <p className={styles.error} role="alert">
            {t('acting.failed')}
          </p>
        ) : null}
      </div>
    </section>
  );
}

/**
 * Says out loud whom the session now acts for when that changes (a switch, or the proxy ending):
 * the new page takes focus, but only this tells a screen reader user that the identity changed.
 * A change the reader did not make (the proxy ended at the child's birthday) also drops what was
 * cached for the child; a switch has done that already.
 */
export function ActingForAnnouncer() {
  const t = useText();
  const queryClient = useQueryClient();
  const session = useSession();
  const current = session.data ? (session.data.info.actingFor?.childId ?? '') : undefined;
  const name = session.data?.info.actingFor?.name;
  const previous = useRef(current);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (current === undefined) return;
    if (previous.current !== undefined && previous.current !== current) {
      if (current === '' && !switchedByReader) {
        setMessage(t('acting.ended'));
        resetIdentityData(queryClient);
      } else {
        setMessage(current === '' ? t('acting.nowSelf') : t('acting.nowChild', { name: name ?? '' }));
      }
    }
    switchedByReader = false;
    previous.current = current;
  }, [current, name, t, queryClient]);
  return (
    <p className="visually-hidden" role="status">
      {message}
    </p>
  );
}

// Set by a switch the reader made, so that the announcer tells it as a switch, not as an ending.
let switchedByReader = false;
