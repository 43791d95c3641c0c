import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useSession } from '../api/session.ts';
import { LoggedOutPage } from '../ui/logged-out-page.tsx';
import { LoginRefusedPage } from '../ui/login-refused-page.tsx';
import { NotFoundPage } from '../ui/not-found-page.tsx';
import { Loading } from '../ui/page-state.tsx';
import { RequireSession } from '../ui/require-session.tsx';
import { AnswerTemplatesPage } from './answer-templates-page.tsx';
import { BaseTypeOptionsPage } from './base-type-options-page.tsx';
import { ChangeLogPage } from './change-log-page.tsx';
import { ChooseUnitPage } from './choose-unit-page.tsx';
import { RegionServicesPage, UnitServicesPage } from './connected-services-page.tsx';
import { FormBuilderPage } from './form-builder-page.tsx';
import { InboxPage } from './inbox-page.tsx';
import { MyErrandsPage } from './my-errands-page.tsx';
import { NoticeSettingsPage } from './notice-settings-page.tsx';
import { RegionChangeLogPage } from './region-change-log-page.tsx';
import { RegionOfferingPage } from './region-offering-page.tsx';
import { RegionUnitsPage } from './region-units-page.tsx';
import { StaffErrandPage } from './staff-errand-page.tsx';
import { StaffLayout } from './staff-layout.tsx';
import { StaffLoginPage } from './staff-login-page.tsx';
import { UnansweredPage } from './unanswered-page.tsx';
import { UnitAdminPage } from './unit-admin-page.tsx';
import { UnitClosuresPage } from './unit-closures-page.tsx';
import { UnitSettingsPage } from './unit-settings-page.tsx';

const LOGIN = '/personal/inloggning';

// The statistics page brings the charting library; only administrators who open it download it.
const StatisticsPage = lazy(() =>
  import('./statistics-page.tsx').then((module) => ({ default: module.StatisticsPage })),
);

/** Staff pages need a session and, except the unit choice itself, a chosen unit. */
function atUnit(page: ReactNode) {
  return (
    <RequireSession audience="staff" loginPath={LOGIN}>
      <RequireUnit>{page}</RequireUnit>
    </RequireSession>
  );
}

function RequireUnit({ children }: Readonly<{ children: ReactNode }>) {
  const session = useSession();
  // A regional administrator working in the region has no unit: their pages are the region's.
  if (session.data?.info.regionCode) return <Navigate to="/personal/region" replace />;
  // An installation administrator without a unit works with the statistics (the only thing the role gives).
  if (session.data?.info.unitHsaId === null && session.data.info.roles.includes('installation-administrator')) {
    return <Navigate to="/personal/statistik" replace />;
  }
  if (session.data && session.data.info.unitHsaId === null) return <Navigate to="/personal/valj-mottagning" replace />;
  return children;
}

/** Region pages need a session working in a region (chosen at login instead of a unit). */
function inRegion(page: ReactNode) {
  return (
    <RequireSession audience="staff" loginPath={LOGIN}>
      <RequireRegion>{page}</RequireRegion>
    </RequireSession>
  );
}

function RequireRegion({ children }: Readonly<{ children: ReactNode }>) {
  const session = useSession();
  if (session.data && !session.data.info.regionCode) return <Navigate to="/personal/valj-mottagning" replace />;
  return children;
}

/** `/personal`: receivers start in the unit's inbox, caregivers in their own errands, administrators in theirs. */
function StaffIndex() {
  const session = useSession();
  if (session.isPending) return <Loading />;
  const roles = session.data?.info.roles ?? [];
  const start = roles.includes('receiver')
    ? '/personal/inkorg'
    : roles.includes('caregiver')
      ? '/personal/mina-arenden'
      : '/personal/administration';
  return <Navigate to={start} replace />;
}

/** The staff tool's pages, under `/personal`. */
export function StaffApp() {
  return (
    <Routes>
      <Route element={<StaffLayout />}>
        <Route index element={atUnit(<StaffIndex />)} />
        <Route path="inloggning" element={<StaffLoginPage />} />
        <Route path="inloggning/nekad" element={<LoginRefusedPage audience="staff" />} />
        <Route path="utloggad" element={<LoggedOutPage audience="staff" />} />
        <Route
          path="valj-mottagning"
          element={
            <RequireSession audience="staff" loginPath={LOGIN}>
              <ChooseUnitPage />
            </RequireSession>
          }
        />
        <Route path="inkorg" element={atUnit(<InboxPage />)} />
        <Route path="arenden/:id" element={atUnit(<StaffErrandPage />)} />
        <Route path="mina-arenden" element={atUnit(<MyErrandsPage />)} />
        <Route path="aviseringar" element={atUnit(<NoticeSettingsPage />)} />
        <Route path="obesvarade" element={atUnit(<UnansweredPage />)} />
        <Route path="administration" element={atUnit(<UnitAdminPage />)} />
        <Route path="administration/ny-arendetyp" element={atUnit(<FormBuilderPage />)} />
        <Route path="administration/arendetyper/:type" element={atUnit(<FormBuilderPage />)} />
        <Route path="administration/arendetyper/:type/alternativ" element={atUnit(<BaseTypeOptionsPage />)} />
        <Route path="administration/installningar" element={atUnit(<UnitSettingsPage />)} />
        <Route path="administration/stangda-perioder" element={atUnit(<UnitClosuresPage />)} />
        <Route path="administration/standardsvar" element={atUnit(<AnswerTemplatesPage />)} />
        <Route path="administration/andringslogg" element={atUnit(<ChangeLogPage />)} />
        <Route path="administration/tjanster" element={atUnit(<UnitServicesPage />)} />
        <Route path="region" element={inRegion(<RegionUnitsPage />)} />
        <Route path="region/grundutbud" element={inRegion(<RegionOfferingPage />)} />
        <Route path="region/andringslogg" element={inRegion(<RegionChangeLogPage />)} />
        <Route path="region/tjanster" element={inRegion(<RegionServicesPage />)} />
        <Route
          path="statistik"
          element={
            // A unit administrator's statistics are their unit's, a regional administrator's their
            // region's, an installation administrator's everything: any session will do, and the
            // server decides what it shows (403 otherwise).
            <RequireSession audience="staff" loginPath={LOGIN}>
              <Suspense fallback={<Loading />}>
                <StatisticsPage />
              </Suspense>
            </RequireSession>
          }
        />
        <Route path="*" element={<NotFoundPage homeHref="/personal" />} />
      </Route>
    </Routes>
  );
}
