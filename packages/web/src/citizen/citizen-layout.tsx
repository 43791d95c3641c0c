import { useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useCitizenErrands, useCitizenProfile, useInboxMessages } from '../api/citizen-queries.ts';
import { leaveSession, useSession } from '../api/session.ts';
import { LeavePageDialog, LeavePageGuard } from '../forms/leave-page-dialog.tsx';
import { hasUnsavedChanges } from '../forms/unsaved-changes.ts';
import { useText } from '../i18n/use-text.ts';
import { AppShell } from '../ui/app-shell.tsx';
import { SessionTimeout } from '../ui/session-timeout.tsx';
import { ShellAccount, ShellMenu } from '../ui/shell-parts.tsx';
import { ActingForAnnouncer, ActingForBanner } from './acting-for.tsx';

/** The citizen's frame: the menu and who is logged in once logged in, a login button before. */
export function CitizenLayout() {
  const session = useSession();
  const loggedIn = session.data?.info.kind === 'citizen' ? session.data : undefined;
  return (
    <AppShell
      homeHref="/"
      navigation={loggedIn ? <CitizenMenu /> : undefined}
      account={loggedIn ? <CitizenAccount /> : session.isPending ? undefined : <LoginButton />}
      banner={loggedIn ? <ActingForBanner /> : undefined}
    >
      {loggedIn ? <SessionTimeout session={loggedIn} audience="citizen" /> : null}
      {loggedIn ? <ActingForAnnouncer /> : null}
      {/* One question for every citizen form (a router holds one blocker): see forms/unsaved-changes.ts. */}
      <LeavePageGuard />
      <Outlet />
    </AppShell>
  );
}

function LoginButton() {
  const t = useText();
  const { pathname } = useLocation();
  if (pathname.startsWith('/inloggning')) return null;
  return (
    <Link className="button" to="/inloggning">
      {t('citizen.logIn')}
    </Link>
  );
}

function CitizenAccount() {
  const profile = useCitizenProfile();
  const name = profile.data ? `${profile.data.givenName} ${profile.data.familyName}` : '';
  const [asking, setAsking] = useState(false);
  // Logging out with a form half filled in asks first, like leaving the page does.
  return (
    <>
      <ShellAccount
        name={name}
        onLogout={() => (hasUnsavedChanges() ? setAsking(true) : void leaveSession('citizen', 'chosen'))}
      />
      <LeavePageDialog
        isOpen={asking}
        onStay={() => setAsking(false)}
        onLeave={() => void leaveSession('citizen', 'chosen')}
      />
    </>
  );
}

function CitizenMenu() {
  const t = useText();
  // One item is enough for the counts: they cover the whole folder.
  const counts = useCitizenErrands('inbox', 1).data?.pages[0]?.counts;
  const unreadMessages = useInboxMessages().data?.pages[0]?.unread ?? 0;
  const unread = (counts?.unread ?? 0) + unreadMessages;
  return (
    <ShellMenu
      items={[
        { to: '/', label: t('citizen.menu.start'), end: true },
        {
          to: '/inkorg',
          label: t('citizen.menu.inbox'),
          count: unread,
          countLabel: t('citizen.menu.unread', { count: unread }),
        },
        { to: '/skicka-arende', label: t('citizen.menu.newErrand') },
        { to: '/vem-har-last', label: t('citizen.menu.accessLog') },
        { to: '/kalender', label: t('citizen.menu.calendar') },
        { to: '/ombud', label: t('citizen.menu.proxies') },
        { to: '/installningar', label: t('citizen.menu.settings') },
      ]}
    />
  );
}
