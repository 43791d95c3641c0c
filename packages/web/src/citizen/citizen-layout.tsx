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
import { useLoginLanding } from './after-login.ts';
import styles from './citizen-layout.module.css';
import { NotificationPrompt } from './notification-prompt.tsx';

/** The citizen's frame: the menu and who is logged in once logged in, a login button before. */
export function CitizenLayout() {
  const session = useSession();
  const loggedIn = session.data?.info.kind === 'citizen' ? session.data : undefined;
  const landing = useLoginLanding(session.isPending ? undefined : loggedIn !== undefined);
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
      {loggedIn ? <LandingNotificationPrompt landing={landing} /> : null}
      <Outlet />
    </AppShell>
  );
}

// Pages that ask the question themselves, in their own place (the start page under its heading,
// the settings page is the form itself), or that stand between the citizen and another service.
const ASKS_ITSELF = /^\/(?:$|installningar$|e-tjanst\/)/;

/**
 * The after-login question about notifications on the page the citizen landed on after logging in
 * (a link to an errand, a bookmark), until it is answered or declined; the page itself stays.
 */
function LandingNotificationPrompt({ landing }: Readonly<{ landing: string | undefined }>) {
  const { pathname } = useLocation();
  if (landing !== pathname || ASKS_ITSELF.test(pathname)) return null;
  return (
    <div className={styles.landingPrompt}>
      <NotificationPrompt />
    </div>
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
