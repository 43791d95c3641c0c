import type { Blocker } from 'react-router';
import { useText } from '../i18n/use-text.ts';
import { ConfirmDialog } from '../ui/confirm-dialog.tsx';
import { useLeavePageBlocker } from './unsaved-changes.ts';

/**
 * "Vill du lämna sidan? Det du har skrivit sparas inte." — asked before leaving a form with
 * something typed in it. Staying is the safe answer: it has focus, and Escape chooses it.
 */
export function LeavePageDialog({
  isOpen,
  onStay,
  onLeave,
  heading,
}: Readonly<{
  isOpen: boolean;
  onStay: () => void;
  onLeave: () => void;
  /** When what is left is a part of the page (a note being written), not the page. */
  heading?: string;
}>) {
  const t = useText();
  return (
    <ConfirmDialog
      isOpen={isOpen}
      heading={heading ?? t('leavePage.heading')}
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

/**
 * The one leave-page question of a whole layout (the citizen's): every form below it registers
 * with `useUnsavedForm`, and in-app navigation away from any of them asks here.
 */
export function LeavePageGuard() {
  return <LeavePageBlockerDialog blocker={useLeavePageBlocker()} />;
}
