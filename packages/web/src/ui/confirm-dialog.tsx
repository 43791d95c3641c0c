import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import styles from './confirm-dialog.module.css';

/**
 * A question before something that cannot be undone ("Ta bort …?", "Vill du lämna sidan?"). The
 * safe answer has focus and Escape chooses it; the other acts.
 */
export function ConfirmDialog({
  isOpen,
  heading,
  children,
  safe,
  act,
  pending = false,
}: Readonly<{
  isOpen: boolean;
  heading: string;
  children: ReactNode;
  safe: Readonly<{ label: string; className: string; onPress: () => void }>;
  act: Readonly<{ label: string; className: string; onPress: () => void }>;
  pending?: boolean;
}>) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      isDismissable
      onOpenChange={(open) => {
        if (!open) safe.onPress();
      }}
      className={styles.overlay}
    >
      <Modal className={styles.modal}>
        <Dialog role="alertdialog" className={styles.dialog}>
          <Heading slot="title" className={styles.heading}>
            {heading}
          </Heading>
          {children}
          <div className="actions">
            {/* Native buttons: react-aria's Button injects a <style> element, which the CSP forbids. */}
            <button
              type="button"
              className={safe.className}
              // biome-ignore lint/a11y/noAutofocus: the dialog's safe answer gets focus when it opens.
              autoFocus
              onClick={safe.onPress}
            >
              {safe.label}
            </button>
            <button type="button" className={act.className} disabled={pending} onClick={act.onPress}>
              {act.label}
            </button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
