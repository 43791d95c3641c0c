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

/** While `dirty`, leaving the page asks first. Render `LeavePageDialog` with the returned blocker. */
export function useUnsavedChanges(dirty: boolean): UnsavedChangesGuard {
  const released = useRef(false);
  const dirtyNow = useRef(dirty);
  dirtyNow.current = dirty;

  useEffect(() => {
    if (!dirty) return;
    const token = Symbol('dirty form');
    discarding = false;
    dirtyForms.add(token);
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
      dirtyForms.delete(token);
      changed();
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty]);

  // Read through refs: a send followed at once by navigation must not wait for a re-render.
  const blocker = useBlocker(
    useCallback<BlockerFunction>(
      ({ currentLocation, nextLocation }) =>
        dirtyNow.current &&
        !released.current &&
        !discarding &&
        (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
      [],
    ),
  );
  const release = useCallback(() => {
    released.current = true;
  }, []);
  return { blocker, release };
}
