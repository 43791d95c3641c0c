import type { Municipality, PersonName, Personnummer, PostalAddress } from './register.types.ts';

/** A Swedish region (the county council), keyed by its two-digit county code (länskod). */
export type Region = Readonly<{
  /** Two digits, e.g. `01` for Region Stockholm. */
  code: string;
  name: string;
}>;

/** What kind of care a unit gives: for search, statistics and sensible defaults, never for access. */
export const CARE_UNIT_KINDS = [
  'primary-care', // vårdcentral
  'child-health', // barnavårdscentral (BVC)
  'children', // barnmottagning
  'child-psychiatry', // barn- och ungdomspsykiatri (BUP)
  'psychiatry', // psykiatrisk mottagning
  'maternity', // barnmorskemottagning
  'youth', // ungdomsmottagning
  'physiotherapy', // fysioterapi
  'specialist', // other specialist clinics
] as const;
export type CareUnitKind = (typeof CARE_UNIT_KINDS)[number];

/** A care unit (vårdenhet / mottagning) from the HSA catalogue. */
export type CareUnit = Readonly<{
  /** e.g. `SE2321000016-E0101`: `SE`, the care provider's organisation number, `-`, a suffix. */
  hsaId: string;
  name: string;
  regionCode: string;
  municipality: Municipality;
  address: PostalAddress;
  kind: CareUnitKind;
}>;

export const PROFESSIONS = [
  'doctor',
  'nurse',
  'assistant-nurse',
  'midwife',
  'psychologist',
  'counsellor',
  'physiotherapist',
  'occupational-therapist',
  'administrator',
] as const;
export type Profession = (typeof PROFESSIONS)[number];

/** What a commission lets a person do at one unit. */
export const UNIT_ROLES = ['receiver', 'caregiver', 'unit-administrator'] as const;
export type UnitRole = (typeof UNIT_ROLES)[number];

/** A commission (medarbetaruppdrag) at one unit, with one or more roles there. */
export type UnitCommission = Readonly<{
  unitHsaId: string;
  roles: readonly UnitRole[];
}>;

/** A region-level commission: manages the region's units and connected external services. */
export type RegionCommission = Readonly<{
  regionCode: string;
  role: 'region-administrator';
}>;

/**
 * Roles over the whole installation: Kontakta's own field beside the catalogue's commissions (HSA
 * has no installation-wide commission), kept in the same file so one source says who may do what.
 */
export const INSTALLATION_ROLES = ['installation-administrator'] as const;
export type InstallationRole = (typeof INSTALLATION_ROLES)[number];

/** A member of staff (person in the HSA catalogue). */
export type Employee = Readonly<{
  hsaId: string;
  /** What they log in with through e-ID; maps the login to this HSA entry. */
  personnummer: Personnummer;
  name: PersonName;
  profession: Profession;
  commissions: readonly UnitCommission[];
  regionCommissions: readonly RegionCommission[];
  /** Absent: none. `installation-administrator` sees the statistics of every region and unit, nothing more. */
  installationRoles?: readonly InstallationRole[];
}>;

/**
 * The HSA catalogue as Kontakta sees it. A real integration asks Inera's HSA catalogue,
 * so every method is async. "Not found" is `undefined`, never an error.
 */
export interface HsaCatalogue {
  listRegions(): Promise<readonly Region[]>;
  findRegion(code: string): Promise<Region | undefined>;
  listCareUnits(): Promise<readonly CareUnit[]>;
  findCareUnit(hsaId: string): Promise<CareUnit | undefined>;
  findEmployee(hsaId: string): Promise<Employee | undefined>;
  /** The staff member who logs in with this personnummer, if any. */
  findEmployeeByPersonnummer(personnummer: Personnummer): Promise<Employee | undefined>;
  /** Everyone with a commission at the unit, whatever their roles there. */
  listEmployeesAtUnit(unitHsaId: string): Promise<readonly Employee[]>;
  /** Everyone with a region-administrator commission for the region. */
  listRegionAdministrators(regionCode: string): Promise<readonly Employee[]>;
}
