import { safeReturnPath } from '@kontakta/contract';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { type Audience, leaveSession, useSession } from '../api/session.ts';
import { useText } from '../i18n/use-text.ts';
import { LoadError, Loading } from './page-state.tsx';

/**
 * Pages behind login: without a session the reader goes to the login page; logged in as the other
 * audience (staff opening a citizen page, or the reverse), they are told so and may switch.
 * With `returnHere`, the login page is told (`?till=`) which page to open after the login, so a
 * bookmark or a notification's link survives it; nothing is kept in the browser's storage.
 */
export function RequireSession({
  audience,
  loginPath,
  returnHere = false,
  children,
}: Readonly<{ audience: Audience; loginPath: string; returnHere?: boolean; children: ReactNode }>) {
  const t = useText();
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <LoadError error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    const here = returnHere ? safeReturnPath(`${location.pathname}${location.search}`) : undefined;
    const to = here && here !== '/' ? `${loginPath}?${new URLSearchParams({ till: here })}` : loginPath;
    return <Navigate to={to} replace />;
  }
  const kind = session.data.info.kind;
  if (kind !== audience) {
    return (
      <div className="notice">
        <h1>{t(kind === 'staff' ? 'wrongAudience.staff.heading' : 'wrongAudience.citizen.heading')}</h1>
        <p>{t(kind === 'staff' ? 'wrongAudience.staff.text' : 'wrongAudience.citizen.text')}</p>
        <div className="actions">
          <Link className="button" to={kind === 'staff' ? '/personal' : '/'}>
            {t(kind === 'staff' ? 'wrongAudience.staff.go' : 'wrongAudience.citizen.go')}
          </Link>
          <button type="button" className="button button-secondary" onClick={() => void leaveSession(kind, 'chosen')}>
            {t('shell.account.logOut')}
          </button>
        </div>
      </div>
    );
  }
  return children;
}
