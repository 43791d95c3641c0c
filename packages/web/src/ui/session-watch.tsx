import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onSessionEnded } from '../api/api-client.ts';
import { type CurrentSession, leaveSession, SESSION_QUERY_KEY } from '../api/session.ts';

/**
 * When the server says the session is gone (it ended elsewhere, or timed out while the browser
 * slept), a page that believed it was logged in goes to "logged out" instead of showing errors.
 */
export function SessionWatch() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onSessionEnded(() => {
        const session = queryClient.getQueryData<CurrentSession | null>(SESSION_QUERY_KEY);
        if (session) void leaveSession(session.info.kind, 'ended');
      }),
    [queryClient],
  );
  return null;
}
