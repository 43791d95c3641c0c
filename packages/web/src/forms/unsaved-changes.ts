import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { type Blocker, type BlockerFunction, useBlocker } from 'react-router';
import { isLeavingSession } from '../api/session.ts';

// What the reader has typed and not sent lives only in the page's memory (nothing is stored in
// the browser), so leaving the page loses it. A form with something in it asks first: in-app
// navigation through React Router's blocker (an in-page dialog), closing or reloading the tab
// through the browser's own beforeunload question, and the idle-logout warning says so too.

const dirtyForms = new Set<symbol>();
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(): void {
  for (const listener of listeners) listener();
}

// Set when the reader has answered "leave" to a question asked outside the router (switching whom
// they act for): the navigation that follows must not ask again. A form that becomes dirty clears it.
let discarding = false;

/** The reader chose to leave what they typed: the next navigation and reload go without asking. */
export function discardUnsavedChanges(): void {
  discarding = true;
}

/** Whether some form on the page holds something typed and not sent. */
export function hasUnsavedChanges(): boolean {
  return dirtyForms.size > 0;
}

export function useHasUnsavedChanges(): boolean {
  return useSyncExternalStore(subscribe, hasUnsavedChanges);
}

/** Whether answers hold anything the reader gave: text, a number, a choice (empty groups are nothing). */
export function answersHaveContent(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number' || typeof value === 'boolean') return true;
  if (Array.isArray(value)) return value.some(answersHaveContent);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(answersHaveContent);
  return false;
}

export type UnsavedChangesGuard = Readonly<{
  /** Blocked in-app navigation, waiting for the reader's answer (`proceed` or `reset`). */
  blocker: Blocker;
  /** The form was sent: the next navigation (to the receipt) goes without asking. */
  release: () => void;
}>;

/**
 * One form's part: while `dirty`, closing or reloading the tab asks (the browser's own question),
 * and the idle-logout warning and the logout button know. In-app navigation asks through the
 * page's one blocker (`useLeavePageBlocker`), which looks at every form on the page: a router
 * holds only one blocker at a time, so a page with several forms (settings, the first-login
 * question with its code box) must not give each its own. `release`: the form was sent, so it
 * holds nothing to lose until it is mounted again.
 */
export function useUnsavedForm(dirty: boolean): Readonly<{ release: () => void }> {
  const released = useRef(false);
  const token = useRef<symbol | undefined>(undefined);

  useEffect(() => {
    if (!dirty || released.current) return;
    const mine = Symbol('dirty form');
    token.current = mine;
    discarding = false;
    dirtyForms.add(mine);
    changed();
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      // Logging out (chosen, or for inactivity) reloads the page on purpose; the session is already gone.
      if (released.current || discarding || isLeavingSession()) return;
      event.preventDefault();
      // Older browsers ask only when a value is set; the text itself is the browser's own.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      if (dirtyForms.delete(mine)) changed();
      token.current = undefined;
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty]);

  // At once, not at the next render: a send followed by navigation must not be asked about.
  const release = useCallback(() => {
    released.current = true;
    if (token.current && dirtyForms.delete(token.current)) changed();
  }, []);
  return { release };
}

/**
 * The page's one router blocker: in-app navigation to another address waits for the reader's
 * answer while any form on the page holds something typed. Render `LeavePageBlockerDialog` with it
 * (or `LeavePageGuard`, which does both).
 */
export function useLeavePageBlocker(): Blocker {
  return useBlocker(
    useCallback<BlockerFunction>(
      ({ currentLocation, nextLocation }) =>
        hasUnsavedChanges() &&
        !discarding &&
        (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
      [],
    ),
  );
}

/**
 * A page with its own blocker: while `dirty`, leaving the page asks first. Render
 * `LeavePageBlockerDialog` with the returned blocker. Under a layout that has the blocker already
 * (the citizen's, `LeavePageGuard`), use `useUnsavedForm` instead.
 */
export function useUnsavedChanges(dirty: boolean): UnsavedChangesGuard {
  const { release } = useUnsavedForm(dirty);
  const blocker = useLeavePageBlocker();
  return { blocker, release };
}
