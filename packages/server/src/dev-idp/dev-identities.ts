import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { makePersonnummer } from '@kontakta/domain';
import { SWEDISH_LOA } from '../identity/assurance-level.ts';
import {
  buildDemoRegister,
  demoPersonas,
  type Employee,
  POPULATION_FILE_NAME,
  type Registers,
} from '../registers/index.ts';

/** One person on the development provider's login page, like a test BankID's list. */
export type DevIdentity = Readonly<{
  /** Opaque and stable, as a broker's `sub` is: Kontakta must key users by personnummer, not by this. */
  subject: string;
  group: 'citizen' | 'staff' | 'test';
  name: string;
  detail: string;
  claims: Readonly<Record<string, string>>;
  /** The level of assurance the e-ID gives (`acr`): level 3, as BankID and Freja+, unless set. */
  acr?: string;
}>;

/** The `acr` of an identity that does not say otherwise. */
export const DEV_DEFAULT_ACR = SWEDISH_LOA.loa3;

export type DevIdentitySource = Readonly<{ registerDir: string; registers: Registers; personnummerClaim: string }>;

/** A pseudonym per person, as brokers give: the same person always gets the same `sub`. */
export function devSubject(personnummer: string): string {
  return `dev-${createHash('sha256').update(`kontakta-dev-idp:${personnummer}`).digest('hex').slice(0, 24)}`;
}

/** Test identities that must be refused, each for its own reason. */
export const TEST_IDENTITY_SUBJECTS = {
  foreign: 'dev-test-foreign-eid',
  reserveNumber: 'dev-test-reserve-number',
  coordinationNumber: 'dev-test-coordination-number',
  notInRegister: 'dev-test-not-in-register',
  basicFreja: 'dev-test-basic-freja',
} as const;

// Page size guard: a country-sized register file must not become a page of a million buttons.
const MAX_LISTED = 300;

/**
 * Everyone the development provider offers: the register's citizens (the demo's special people
 * first, with what makes them special), the catalogue's staff, and test identities for refusals.
 */
export async function loadDevIdentities(source: DevIdentitySource, today: Date): Promise<DevIdentity[]> {
  const personas = demoPersonas(today);
  const citizenNotes = new Map(Object.values(personas.citizens).map((p) => [p.personnummer, p.description]));
  const staffNotes = new Map(Object.values(personas.staff).map((p) => [p.hsaId, p.description]));
  const claim = source.personnummerClaim;
  const person = (pnr: string, given: string, family: string) => ({
    [claim]: pnr,
    given_name: given,
    family_name: family,
    name: `${given} ${family}`,
  });

  const citizens: DevIdentity[] = [];
  for (const candidate of await registerPersonnummer(source.registerDir, today)) {
    const found = await source.registers.findPerson(candidate);
    if (!found) continue;
    const note = citizenNotes.get(found.personnummer);
    citizens.push({
      subject: devSubject(found.personnummer),
      group: 'citizen',
      name: `${found.name.given} ${found.name.family}`,
      detail: `${displayed(found.personnummer)}${note ? ` · ${note}` : ''}`,
      claims: person(found.personnummer, found.name.given, found.name.family),
    });
  }
  citizens.sort((a, b) => Number(b.detail.includes('·')) - Number(a.detail.includes('·')));

  const staff: DevIdentity[] = (await allEmployees(source.registers, [...staffNotes.keys()])).map((employee) => ({
    subject: devSubject(employee.personnummer),
    group: 'staff',
    name: `${employee.name.given} ${employee.name.family}`,
    detail: [employee.hsaId, employee.profession, staffNotes.get(employee.hsaId)].filter(Boolean).join(' · '),
    claims: person(employee.personnummer, employee.name.given, employee.name.family),
  }));
  staff.sort((a, b) => Number(b.detail.split(' · ').length > 2) - Number(a.detail.split(' · ').length > 2));

  const unregistered = await personnummerNotInRegister(source.registers);
  const coordination = makePersonnummer({
    birthDate: '1991-04-17',
    sex: 'male',
    sequence: 231,
    kind: 'samordningsnummer',
  });
  // A real person of the register with a weaker e-ID: only the level of assurance can refuse them.
  // The personnummer is not shown, so a search for it on the page still finds one button.
  const weak = citizens[0];
  const basicFreja: DevIdentity[] = weak
    ? [
        {
          subject: TEST_IDENTITY_SUBJECTS.basicFreja,
          group: 'test',
          name: weak.name,
          detail: 'Freja eID utan ID-kontroll (tillitsnivå 2): nekas',
          claims: weak.claims,
          acr: SWEDISH_LOA.loa2,
        },
      ]
    : [];
  const tests: DevIdentity[] = [
    {
      subject: TEST_IDENTITY_SUBJECTS.foreign,
      group: 'test',
      name: 'Kari Nordmann',
      detail: 'Utländsk e-legitimation (Norge), inget personnummer: nekas',
      claims: { given_name: 'Kari', family_name: 'Nordmann', name: 'Kari Nordmann', country: 'NO' },
    },
    {
      subject: TEST_IDENTITY_SUBJECTS.coordinationNumber,
      group: 'test',
      name: 'Tomasz Samordning',
      detail: `Samordningsnummer ${displayed(coordination)}: nekas`,
      claims: person(coordination, 'Tomasz', 'Samordning'),
    },
    {
      subject: TEST_IDENTITY_SUBJECTS.reserveNumber,
      group: 'test',
      name: 'Reserv Reservsson',
      detail: 'Reservnummer 99800101-1234: nekas',
      claims: person('998001011234', 'Reserv', 'Reservsson'),
    },
    {
      subject: TEST_IDENTITY_SUBJECTS.notInRegister,
      group: 'test',
      name: 'Okänd Okändsson',
      detail: `${displayed(unregistered)}, finns inte i folkbokföringen: nekas`,
      claims: person(unregistered, 'Okänd', 'Okändsson'),
    },
    ...basicFreja,
  ];
  return [...citizens.slice(0, MAX_LISTED), ...staff.slice(0, MAX_LISTED), ...tests];
}

function displayed(personnummer: string): string {
  return `${personnummer.slice(0, 8)}-${personnummer.slice(8)}`;
}

/** The register file's people, or the demo's when there is no file (tests that inject registers). */
async function registerPersonnummer(registerDir: string, today: Date): Promise<string[]> {
  try {
    const content: unknown = JSON.parse(await readFile(path.join(registerDir, POPULATION_FILE_NAME), 'utf8'));
    const people = (content as { people?: unknown }).people;
    if (Array.isArray(people)) {
      return people.flatMap((p) => (typeof p?.personnummer === 'string' ? [p.personnummer as string] : []));
    }
  } catch {
    // No readable file: fall through to the demo content.
  }
  return buildDemoRegister(today).population.people.map((p) => p.personnummer);
}

/** Everyone with a commission at a unit or region, and the demo's staff personas (the installation administrator has neither). */
async function allEmployees(registers: Registers, personaHsaIds: readonly string[]): Promise<Employee[]> {
  const byId = new Map<string, Employee>();
  for (const hsaId of personaHsaIds) {
    const employee = await registers.findEmployee(hsaId);
    if (employee) byId.set(employee.hsaId, employee);
  }
  for (const unit of await registers.listCareUnits()) {
    for (const employee of await registers.listEmployeesAtUnit(unit.hsaId)) byId.set(employee.hsaId, employee);
  }
  for (const region of await registers.listRegions()) {
    for (const employee of await registers.listRegionAdministrators(region.code)) byId.set(employee.hsaId, employee);
  }
  return [...byId.values()];
}

async function personnummerNotInRegister(registers: Registers): Promise<string> {
  for (let sequence = 498; sequence > 0; sequence--) {
    const candidate = makePersonnummer({ birthDate: '1950-06-30', sex: 'female', sequence });
    if (!(await registers.findPerson(candidate))) return candidate;
  }
  throw new Error('every test personnummer is taken');
}
