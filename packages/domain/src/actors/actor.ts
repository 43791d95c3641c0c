// Who is asking. Every use case receives one and decides from it first.

export const STAFF_ROLES = ['receiver', 'caregiver', 'unit-administrator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Roles over a whole region (from a region commission in the HSA catalogue), not at one unit. */
export const REGION_ROLES = ['region-administrator'] as const;
export type RegionRole = (typeof REGION_ROLES)[number];

/**
 * Roles over the whole installation (issue 16 pt 3), from the HSA catalogue file's own field (the
 * national catalogue has no such commission). Today it gives one thing: the statistics of every
 * region and unit. It opens no errand and no administration page; every other use case still asks
 * for a unit or region role, so deny-by-default holds for it.
 */
export const INSTALLATION_ROLES = ['installation-administrator'] as const;
export type InstallationRole = (typeof INSTALLATION_ROLES)[number];

/** Any role a staff session can hold: at its unit, over its region, or over the installation. */
export type ActorRole = StaffRole | RegionRole | InstallationRole;

export type LoginMethod = 'eid' | 'password-sms';

export type CitizenActor = Readonly<{
  kind: 'citizen';
  citizenId: string;
  /** 12 digits, `YYYYMMDDNNNC`. */
  personnummer: string;
  loginMethod: LoginMethod;
  sessionId: string;
  /**
   * When this session's login happened (epoch ms), for actions that need a recent one. Absent
   * where no session lies behind the actor (tools, some tests): such an actor never counts as
   * recently logged in.
   */
  loggedInAt?: number;
  /** Set while a guardian acts as proxy (ombud) for a child: the child's citizen id. */
  actingForCitizenId?: string;
  /** The child's personnummer, with `actingForCitizenId`: every request re-checks the proxy in the register. */
  actingForPersonnummer?: string;
}>;

export type StaffActor = Readonly<{
  kind: 'staff';
  hsaId: string;
  /** The unit the staff member chose at login (they may serve at several). */
  unitHsaId: string | null;
  /**
   * The region the staff member chose to administer instead of a unit (a region commission);
   * absent or null otherwise. A session has a unit or a region, never both.
   */
  regionCode?: string | null;
  /**
   * Roles at the chosen unit (or over the chosen region), from the HSA catalogue at login. A
   * session with neither unit nor region holds the installation role if the catalogue gives it.
   */
  roles: readonly ActorRole[];
  sessionId: string;
}>;

export type Actor = CitizenActor | StaffActor;

/** Whose data a citizen's request is about: the child while a guardian acts as proxy, else their own. */
export function citizenActedFor(actor: CitizenActor): string {
  return actor.actingForCitizenId ?? actor.citizenId;
}

export function hasRole(actor: Actor, role: ActorRole): boolean {
  return actor.kind === 'staff' && actor.roles.includes(role);
}
