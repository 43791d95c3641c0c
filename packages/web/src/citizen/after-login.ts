import { safeReturnPath } from '@kontakta/contract';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

// The page a citizen lands on right after logging in (the start page, or the errand a bookmark or
// a notification led to) asks the after-login question about notifications. The login marks that
// page's address with `?inloggad`, through the return path the server keeps with the e-ID login
// (or the router, for password and code); the app notes the page and takes the mark away again.
// Nothing is kept in the browser: a reload of the page later is no login, and asks nothing.

const MARK = 'inloggad';

/** The page to open after login, marked as the login's landing page (unmarked if too long to mark). */
export function afterLoginPath(returnTo: string | undefined): string {
  const path = returnTo ?? '/';
  if (new URLSearchParams(path.split('?')[1] ?? '').has(MARK)) return path;
  const marked = `${path}${path.includes('?') ? '&' : '?'}${MARK}`;
  return safeReturnPath(marked) ?? path;
}

/**
 * The path the citizen landed on after logging in, once the app has seen the mark; undefined
 * before that and after logging out. `loggedIn` is undefined while the session is not yet known.
 * The mark leaves the address (no new history entry) once the session is there; without one the
 * page sends the reader to log in, and the mark goes with the page to return to.
 */
export function useLoginLanding(loggedIn: boolean | undefined): string | undefined {
  const location = useLocation();
  const navigate = useNavigate();
  const [landing, setLanding] = useState<string>();
  const marked = new URLSearchParams(location.search).has(MARK);
  // Set while rendering (React's way to derive state from a change), so the first paint has it.
  if (marked && loggedIn && landing !== location.pathname) setLanding(location.pathname);
  if (loggedIn === false && landing !== undefined) setLanding(undefined);

  useEffect(() => {
    if (!marked || !loggedIn) return;
    const params = new URLSearchParams(location.search);
    params.delete(MARK);
    const search = params.size > 0 ? `?${params}` : '';
    void navigate(
      { pathname: location.pathname, search, hash: location.hash },
      { replace: true, state: location.state },
    );
  }, [marked, loggedIn, navigate, location]);

  return landing;
}
