import { Outlet } from 'react-router';
import { leaveSession, useSession } from '../api/session.ts';
import { useStaffProfile, useStaffUnits } from '../api/staff-queries.ts';
import { useText } from '../i18n/use-text.ts';
import { AppShell } from '../ui/app-shell.tsx';
import { SessionTimeout } from '../ui/session-timeout.tsx';
import { type MenuItem, ShellAccount, ShellMenu } from '../ui/shell-parts.tsx';

/** The staff tool's frame: menu by role, who is logged in and at which unit. */
export function StaffLayout() {
  const session = useSession();
  const loggedIn = session.data?.info.kind === 'staff' ? session.data : undefined;
  return (
    <AppShell
      homeHref="/personal"
      navigation={
        loggedIn?.info.unitHsaId ||
        loggedIn?.info.regionCode ||
        loggedIn?.info.roles.includes('installation-administrator') ? (
          <StaffMenu roles={loggedIn.info.roles} />
        ) : undefined
      }
      account={loggedIn ? <StaffAccount /> : undefined}
    >
      {loggedIn ? <SessionTimeout session={loggedIn} audience="staff" /> : null}
      <Outlet />
    </AppShell>
  );
}

function StaffAccount() {
  const t = useText();
  const profile = useStaffProfile();
  const units = useStaffUnits();
  const name = profile.data ? `${profile.data.givenName} ${profile.data.familyName}` : '';
  // In a region session, where they work is the region (its administration), not a unit.
  const region = units.data?.regions.find((r) => r.code === units.data?.currentRegion);
  // Over the whole installation (installation administrator): neither a unit nor a region.
  const installation =
    units.data?.installation && units.data.current === null && units.data.currentRegion === null
      ? t('chooseUnit.installationName')
      : undefined;
  const detail = region
    ? t('chooseUnit.regionName', { region: region.name })
    : (profile.data?.unit?.name ?? installation);
  return <ShellAccount name={name} detail={detail} onLogout={() => void leaveSession('staff', 'chosen')} />;
}

function StaffMenu({ roles }: Readonly<{ roles: readonly string[] }>) {
  const t = useText();
  const units = useStaffUnits();
  const items: MenuItem[] = [];
  if (roles.includes('receiver')) items.push({ to: '/personal/inkorg', label: t('staff.menu.inbox') });
  if (roles.includes('caregiver')) items.push({ to: '/personal/mina-arenden', label: t('staff.menu.mine') });
  if (roles.includes('receiver')) items.push({ to: '/personal/obesvarade', label: t('staff.menu.unanswered') });
  if (roles.includes('unit-administrator')) {
    items.push({ to: '/personal/administration', label: t('staff.menu.administration') });
  }
  if (
    roles.includes('unit-administrator') ||
    roles.includes('region-administrator') ||
    roles.includes('installation-administrator')
  ) {
    items.push({ to: '/personal/statistik', label: t('staff.menu.statistics') });
  }
  if (roles.includes('region-administrator')) {
    // `end`: the region's other pages are under its address, and only one menu item is the current page.
    items.push({ to: '/personal/region', label: t('region.units.heading'), end: true });
    items.push({ to: '/personal/region/grundutbud', label: t('region.offering.heading') });
    items.push({ to: '/personal/region/tjanster', label: t('services.heading') });
    items.push({ to: '/personal/region/andringslogg', label: t('region.changes.heading') });
  }
  // A caregiver's own notices: an e-mail when an errand is assigned to them.
  if (roles.includes('caregiver')) items.push({ to: '/personal/aviseringar', label: t('staff.menu.notices') });
  if ((units.data?.units.length ?? 0) + (units.data?.regions.length ?? 0) + (units.data?.installation ? 1 : 0) > 1) {
    items.push({ to: '/personal/valj-mottagning', label: t('staff.menu.switchUnit') });
  }
  return <ShellMenu items={items} />;
}
