import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { Blocker } from 'react-router';
import { useText } from '../i18n/use-text.ts';
import styles from './leave-page-dialog.module.css';

/**
 * "Vill du lämna sidan? Det du har skrivit sparas inte." — asked before leaving a form with
 * something typed in it. Staying is the safe answer: it has focus, and Escape chooses it.
 */
export function LeavePageDialog({
  isOpen,
  onStay,
  onLeave,
}: Readonly<{ isOpen: boolean; onStay: () => void; onLeave: () => void }>) {
  const t = useText();
  return (
    <ModalOverlay
      isOpen={isOpen}
      isDismissable
      onOpenChange={(open) => {
        if (!open) onStay();
      }}
      className={styles.overlay}
    >
      <Modal className={styles.modal}>
        <Dialog role="alertdialog" className={styles.dialog}>
          <Heading slot="title" className={styles.heading}>
            {t('leavePage.heading')}
          </Heading>
          <p>{t('leavePage.text')}</p>
          <div className="actions">
            {/* Native buttons: react-aria's Button injects a <style> element, which the CSP forbids. */}
            <button
              type="button"
              className="button"
              // biome-ignore lint/a11y/noAutofocus: the dialog's safe answer gets focus when it opens.
              autoFocus
              onClick={onStay}
            >
              {t('leavePage.stay')}
            </button>
            <button type="button" className="button button-secondary" onClick={onLeave}>
              {t('leavePage.leave')}
            </button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** The dialog for a router blocker: open while navigation waits for the answer. */
export function LeavePageBlockerDialog({ blocker }: Readonly<{ blocker: Blocker }>) {
  return (
    <LeavePageDialog
      isOpen={blocker.state === 'blocked'}
      onStay={() => blocker.reset?.()}
      onLeave={() => blocker.proceed?.()}
    />
  );
}
