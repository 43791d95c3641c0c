import { type SessionInfo, sessionRoutes } from '@kontakta/contract';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, call, callWithContact, type ServerContact, setCsrfToken } from './api-client.ts';

export const SESSION_QUERY_KEY = ['session'] as const;

export type Audience = 'citizen' | 'staff';

/** The session as the server described it, and when (for the idle-timeout clock). */
export type CurrentSession = Readonly<{ info: SessionInfo; contact: ServerContact }>;

/** `null`: nobody is logged in in this browser. */
export async function fetchSession(): Promise<CurrentSession | null> {
  try {
    const { body, contact } = await callWithContact(sessionRoutes.current, {});
    setCsrfToken(body.csrfToken);
    return { info: body, contact };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_QUERY_KEY, queryFn: fetchSession, staleTime: 60_000 });
}

/** Why the reader sees the logged-out page: they chose to, they were idle, or the session ended elsewhere. */
export type LogoutReason = 'chosen' | 'idle' | 'ended';

const REASON_PARAMETER: Readonly<Record<LogoutReason, string | null>> = {
  chosen: null,
  idle: 'inaktiv',
  ended: 'avslutad',
};

export function loggedOutPath(audience: Audience, reason: LogoutReason): string {
  const base = audience === 'staff' ? '/personal/utloggad' : '/utloggad';
  const parameter = REASON_PARAMETER[reason];
  return parameter ? `${base}?orsak=${parameter}` : base;
}

export function logoutReasonFrom(parameter: string | null): LogoutReason {
  if (parameter === 'inaktiv') return 'idle';
  if (parameter === 'avslutad') return 'ended';
  return 'chosen';
}

let leaving = false;

/** The page is being left for the logged-out page: a form's "leave the page?" question must not stop it. */
export function isLeavingSession(): boolean {
  return leaving;
}

/**
 * Ends the session on the server and reloads into the logged-out page. The reload, rather than a
 * client-side navigation, is deliberate: it empties the page's memory of everything it showed.
 */
export async function leaveSession(audience: Audience, reason: LogoutReason): Promise<void> {
  if (leaving) return;
  leaving = true;
  try {
    await call(sessionRoutes.logOut, {});
  } catch {
    // Already gone on the server (idle timeout, another tab): the result is the same.
  }
  setCsrfToken(undefined);
  window.location.replace(loggedOutPath(audience, reason));
}

/** "Log out everywhere else": ends every other session of the same person; this one stays. */
export function useEndOtherSessions() {
  return useMutation({
    mutationFn: () => call(sessionRoutes.logOutElsewhere, {}),
  });
}

/** Every cached answer but the session: what belonged to the identity the session acted as before. */
export function resetIdentityData(queryClient: QueryClient): void {
  // Reset, not just invalidate: nothing of the other identity may show while the new answers come.
  void queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
}

/**
 * A guardian switches to acting for a child they are proxy for, or back to themselves (`null`).
 * The server gives a new session and a new CSRF token; everything cached belonged to the other
 * identity, so it is dropped and asked for again.
 */
export function useActFor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (childId: string | null) => callWithContact(sessionRoutes.actFor, { body: { childId } }),
    onSuccess: ({ body, contact }) => {
      setCsrfToken(body.csrfToken);
      // An errand of the other identity may still be on screen until the inbox opens: asked for
      // again it would be "not found" (and the server would log the attempt), so it is dropped unasked.
      queryClient.removeQueries({ queryKey: ['citizen', 'errand'] });
      resetIdentityData(queryClient);
      queryClient.setQueryData<CurrentSession>(SESSION_QUERY_KEY, { info: body, contact });
    },
  });
}
