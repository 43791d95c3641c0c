import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { useSession } from '../api/session.ts';
import { AccessibilityStatementPage } from '../ui/accessibility-statement-page.tsx';
import { LoggedOutPage } from '../ui/logged-out-page.tsx';
import { LoginRefusedPage } from '../ui/login-refused-page.tsx';
import { NotFoundPage } from '../ui/not-found-page.tsx';
import { Loading } from '../ui/page-state.tsx';
import { PrivacyPage } from '../ui/privacy-page.tsx';
import { RequireSession } from '../ui/require-session.tsx';
import { AccessLogPage } from './access-log-page.tsx';
import { CalendarPage } from './calendar-page.tsx';
import { CitizenLayout } from './citizen-layout.tsx';
import { ErrandFormPage } from './errand-form-page.tsx';
import { ErrandListPage } from './errand-list-page.tsx';
import { ErrandPage } from './errand-page.tsx';
import { HandOverPage } from './hand-over-page.tsx';
import { HomePage } from './home-page.tsx';
import { LoginPage } from './login-page.tsx';
import { ProxiesPage } from './proxies-page.tsx';
import { ReceiptPage } from './receipt-page.tsx';
import { SetUpAccountPage } from './set-up-account-page.tsx';
import { SettingsPage } from './settings-page.tsx';
import { StartPage } from './start-page.tsx';
import { UnitPage } from './unit-page.tsx';
import { UnitSearchPage } from './unit-search-page.tsx';

const LOGIN = '/inloggning';

function guarded(page: ReactNode) {
  return (
    <RequireSession audience="citizen" loginPath={LOGIN} returnHere>
      {page}
    </RequireSession>
  );
}

/** `/`: the public front door, or the citizen's own start page once logged in. */
function CitizenIndex() {
  const session = useSession();
  if (session.isPending) return <Loading />;
  return session.data?.info.kind === 'citizen' ? <HomePage /> : <StartPage />;
}

/** The citizen's pages. Addresses hold errand and unit ids at most, never a personnummer. */
export function CitizenApp() {
  return (
    <Routes>
      <Route element={<CitizenLayout />}>
        <Route index element={<CitizenIndex />} />
        <Route path="inloggning" element={<LoginPage />} />
        <Route path="inloggning/skaffa-konto" element={<SetUpAccountPage />} />
        <Route path="inloggning/nekad" element={<LoginRefusedPage audience="citizen" />} />
        <Route path="utloggad" element={<LoggedOutPage audience="citizen" />} />
        <Route path="skicka-arende" element={guarded(<UnitSearchPage />)} />
        <Route path="mottagningar/:hsaId" element={guarded(<UnitPage />)} />
        <Route path="mottagningar/:hsaId/:errandType" element={guarded(<ErrandFormPage />)} />
        <Route path="inkorg" element={guarded(<ErrandListPage folder="inbox" />)} />
        <Route path="inkorg/skickade" element={guarded(<ErrandListPage folder="sent" />)} />
        <Route path="inkorg/arkiv" element={guarded(<ErrandListPage folder="archive" />)} />
        <Route path="arenden/:id" element={guarded(<ErrandPage />)} />
        <Route path="arenden/:id/kvitto" element={guarded(<ReceiptPage />)} />
        <Route path="vem-har-last" element={guarded(<AccessLogPage />)} />
        <Route path="kalender" element={guarded(<CalendarPage />)} />
        <Route path="installningar" element={guarded(<SettingsPage />)} />
        <Route path="ombud" element={guarded(<ProxiesPage />)} />
        <Route path="e-tjanst/:uid" element={guarded(<HandOverPage />)} />
        <Route path="tillganglighet" element={<AccessibilityStatementPage />} />
        <Route path="personuppgifter" element={<PrivacyPage />} />
        <Route path="*" element={<NotFoundPage homeHref="/" />} />
      </Route>
    </Routes>
  );
}
