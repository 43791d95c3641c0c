import type { Blocker } from 'react-router';
import { useText } from '../i18n/use-text.ts';
import { ConfirmDialog } from '../ui/confirm-dialog.tsx';

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
    <ConfirmDialog
      isOpen={isOpen}
      heading={t('leavePage.heading')}
      safe={{ label: t('leavePage.stay'), className: 'button', onPress: onStay }}
      act={{ label: t('leavePage.leave'), className: 'button button-secondary', onPress: onLeave }}
    >
      <p>{t('leavePage.text')}</p>
    </ConfirmDialog>
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
