import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { onServerActivity } from '../api/api-client.ts';
import { type Audience, type CurrentSession, leaveSession, SESSION_QUERY_KEY } from '../api/session.ts';
import {
  clockAfterActivity,
  clockFromSession,
  nextPhaseChangeAt,
  sessionDeadline,
  sessionPhase,
} from '../api/session-clock.ts';
import { useHasUnsavedChanges } from '../forms/unsaved-changes.ts';
import { useText } from '../i18n/use-text.ts';
import styles from './confirm-dialog.module.css';
import { formatTime } from './format.ts';

/**
 * Watches the logged-in session: two minutes before it would end for inactivity, a dialog offers
 * to stay logged in; at the end, the session is ended and the page reloads to "logged out".
 * Anything the server answers with the session counts as activity, as on the server.
 */
export function SessionTimeout({ session, audience }: Readonly<{ session: CurrentSession; audience: Audience }>) {
  const t = useText();
  const queryClient = useQueryClient();
  const [clock, setClock] = useState(() => clockFromSession(session.info, session.contact));
  const [now, setNow] = useState(() => Date.now());
  const [staying, setStaying] = useState(false);
  const unsaved = useHasUnsavedChanges();

  useEffect(() => setClock(clockFromSession(session.info, session.contact)), [session]);
  useEffect(() => onServerActivity((contact) => setClock((current) => clockAfterActivity(current, contact))), []);

  useEffect(() => {
    const next = nextPhaseChangeAt(clock, now);
    if (next === undefined) return;
    const timer = window.setTimeout(() => setNow(Date.now()), Math.max(0, next - Date.now()));
    return () => window.clearTimeout(timer);
  }, [clock, now]);

  // Timers do not run while a laptop sleeps: look again when the page comes back.
  useEffect(() => {
    const look = () => setNow(Date.now());
    document.addEventListener('visibilitychange', look);
    window.addEventListener('focus', look);
    return () => {
      document.removeEventListener('visibilitychange', look);
      window.removeEventListener('focus', look);
    };
  }, []);

  const phase = sessionPhase(clock, now);
  useEffect(() => {
    if (phase === 'ended') void leaveSession(audience, 'idle');
  }, [phase, audience]);

  const stayLoggedIn = async () => {
    setStaying(true);
    try {
      // Asking for the session is activity: the server moves the idle end, and the answer says where to.
      await queryClient.refetchQueries({ queryKey: SESSION_QUERY_KEY });
    } finally {
      setStaying(false);
      setNow(Date.now());
    }
  };

  return (
    <ModalOverlay
      isOpen={phase === 'warning'}
      isDismissable={false}
      isKeyboardDismissDisabled
      className={styles.overlay}
    >
      <Modal className={styles.modal}>
        <Dialog role="alertdialog" className={styles.dialog}>
          <Heading slot="title" className={styles.heading}>
            {t('sessionTimeout.heading')}
          </Heading>
          <p>{t('sessionTimeout.text', { time: formatTime(sessionDeadline(clock)) })}</p>
          {unsaved ? <p>{t('sessionTimeout.unsaved')}</p> : null}
          <div className="actions">
            {/* Native buttons: react-aria's Button injects a <style> element, which the CSP forbids. */}
            <button
              type="button"
              className="button"
              // biome-ignore lint/a11y/noAutofocus: the dialog's safe, expected action gets focus when it opens.
              autoFocus
              disabled={staying}
              onClick={() => void stayLoggedIn()}
            >
              {t('sessionTimeout.stay')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void leaveSession(audience, 'chosen')}
            >
              {t('shell.account.logOut')}
            </button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
