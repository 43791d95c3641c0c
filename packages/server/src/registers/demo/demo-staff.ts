import type { CalendarDate } from '@kontakta/domain';
import type { CareUnit, CareUnitKind, Profession, UnitRole } from '../hsa-catalogue.ts';
import type { Personnummer } from '../register.types.ts';
import type { EmployeeRecord } from '../register-file.schema.ts';
import { daysBefore, monthsBefore } from './calendar.ts';
import { hsaPrefix } from './demo-organisation.ts';
import type { PersonnummerMaker, Sex } from './personnummer-maker.ts';
import type { Random } from './seeded-random.ts';

/** Staff the demo names by what makes them special; all at the first unit of Region Stockholm. */
export const STAFF_PERSONAS = {
  receiver: 'Medical secretary: receiver only',
  doctor: 'Doctor: caregiver only',
  secondDoctor: 'A second doctor at the same unit: caregiver only, a colleague to assign errands to',
  nurse: 'Nurse: caregiver and receiver, and caregiver at a second unit',
  unitAdministrator: 'Unit administrator of two units, no other role',
  regionAdministrator: 'Regional administrator of Region Stockholm, also unit administrator of one unit',
  installationAdministrator: 'Installation administrator: the statistics of every region and unit, no other role',
} as const;
export type StaffPersonaKey = keyof typeof STAFF_PERSONAS;

export type StaffPersona = Readonly<{ hsaId: string; personnummer: Personnummer; unitHsaId: string | null }>;

// Kept as text so the lists stay readable.
const FEMALE_NAMES = (
  'Anna Eva Maria Karin Sara Lena Emma Kristina Johanna Malin Sofia Ida Helena Camilla Frida Linda ' +
  'Jenny Amira Elin Ylva Therese Åsa Mirja Lejla Hedvig'
).split(' ');
const MALE_NAMES = (
  'Erik Lars Karl Anders Johan Per Mikael Fredrik Daniel Henrik Stefan Jonas Mattias Andreas Oskar ' +
  'Ahmed Niklas Björn Goran Viktor Tobias Ola Reza Pontus Gustav'
).split(' ');
const FAMILY_NAMES = (
  'Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson ' +
  'Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Lindström ' +
  'Olofsson Lindqvist Lindgren Berg Axelsson Bergström Lundberg Lind Lundgren Lundqvist Mattsson ' +
  'Berglund Fredriksson Sandberg Henriksson Forsberg Sjöberg Wallin Engström Eklund Danielsson ' +
  'Lundin Håkansson Björk Bergman Gunnarsson Holm Wikström Samuelsson Isaksson Fransson Bergqvist ' +
  'Nyström Holmberg Arvidsson Löfgren Söderberg Nyberg Blomqvist Claesson Nordström Hassan ' +
  'Mårtensson Lundström Viklund Björklund Eliasson Pålsson Berggren Sandström Lund Nordin Ström ' +
  'Åberg Hermansson Ekström Holmgren Sundberg Hedlund Dahlberg Hellström Sjögren Abrahamsson Falk ' +
  'Öberg Blom Ek Strand Kovač Nguyen'
).split(' ');

/** The caregiver, beyond a doctor and a nurse, that each kind of unit needs. */
const SPECIALIST_BY_KIND: Readonly<Partial<Record<CareUnitKind, Profession>>> = {
  maternity: 'midwife',
  psychiatry: 'psychologist',
  'child-psychiatry': 'psychologist',
  youth: 'counsellor',
  physiotherapy: 'physiotherapist',
  children: 'assistant-nurse',
};

export type DemoStaff = Readonly<{
  employees: EmployeeRecord[];
  personas: Readonly<Record<StaffPersonaKey, StaffPersona>>;
}>;

type MutableEmployee = EmployeeRecord & { commissions: { unitHsaId: string; roles: UnitRole[] }[] };

/**
 * Staff for every unit in every role (receiver; caregivers, at least a doctor and a nurse; unit
 * administrator), some with several roles or units, and a regional administrator per region.
 * How a unit's roles are shared out rotates, so every combination appears somewhere.
 */
export function demoStaff(
  today: CalendarDate,
  units: readonly CareUnit[],
  personnummer: PersonnummerMaker,
  random: Random,
): DemoStaff {
  const employees: MutableEmployee[] = [];
  const usedNames = new Set<string>();
  const serialByRegion = new Map<string, number>();

  const hire = (regionCode: string, profession: Profession): MutableEmployee => {
    const sex: Sex = profession === 'midwife' || random.below(2) === 0 ? 'female' : 'male';
    let given: string;
    let family: string;
    do {
      given = random.pick(sex === 'female' ? FEMALE_NAMES : MALE_NAMES);
      family = random.pick(FAMILY_NAMES);
    } while (usedNames.has(`${given} ${family}`));
    usedNames.add(`${given} ${family}`);
    const serial = (serialByRegion.get(regionCode) ?? 0) + 1;
    serialByRegion.set(regionCode, serial);
    const birth = daysBefore(monthsBefore(today, 28 + random.below(36), random.below(12)), random.below(28));
    const employee: MutableEmployee = {
      hsaId: `${hsaPrefix(regionCode)}-P${regionCode}${String(serial).padStart(3, '0')}`,
      personnummer: personnummer.make(birth, sex),
      name: { given, family },
      profession,
      commissions: [],
      regionCommissions: [],
    };
    employees.push(employee);
    return employee;
  };
  const commission = (employee: MutableEmployee, unit: CareUnit, ...roles: UnitRole[]) => {
    employee.commissions.push({ unitHsaId: unit.hsaId, roles });
  };

  type UnitStaff = {
    doctor: MutableEmployee;
    nurse: MutableEmployee;
    secretary: MutableEmployee;
    administrator: MutableEmployee;
  };
  const staffByUnit = new Map<string, UnitStaff>();
  units.forEach((unit, u) => {
    const doctor = hire(unit.regionCode, 'doctor');
    const nurse = hire(unit.regionCode, 'nurse');
    const secretary = hire(unit.regionCode, 'administrator');
    commission(nurse, unit, 'caregiver', 'receiver');
    const specialist = SPECIALIST_BY_KIND[unit.kind];
    if (specialist !== undefined) commission(hire(unit.regionCode, specialist), unit, 'caregiver');
    // Who administers the unit rotates: its own administrator, the secretary, or the doctor (as head).
    let administrator: MutableEmployee;
    if (u % 3 === 0) {
      administrator = hire(unit.regionCode, 'administrator');
      commission(doctor, unit, 'caregiver');
      commission(secretary, unit, 'receiver');
      commission(administrator, unit, 'unit-administrator');
    } else if (u % 3 === 1) {
      administrator = secretary;
      commission(doctor, unit, 'caregiver');
      commission(secretary, unit, 'receiver', 'unit-administrator');
    } else {
      administrator = doctor;
      commission(doctor, unit, 'caregiver', 'unit-administrator');
      commission(secretary, unit, 'receiver');
    }
    staffByUnit.set(unit.hsaId, { doctor, nurse, secretary, administrator });
  });

  // Some people work at two units: in each region, the first unit's nurse also gives care at
  // the second unit, and its administrator administers the second unit as well.
  const regionCodes = [...new Set(units.map((unit) => unit.regionCode))];
  for (const regionCode of regionCodes) {
    const [first, second] = units.filter((unit) => unit.regionCode === regionCode);
    const firstStaff = first && staffByUnit.get(first.hsaId);
    if (second === undefined || firstStaff === undefined) continue;
    commission(firstStaff.nurse, second, 'caregiver');
    if (firstStaff.administrator !== staffByUnit.get(second.hsaId)?.administrator) {
      commission(firstStaff.administrator, second, 'unit-administrator');
    }
  }

  const regionAdministrators = regionCodes.map((regionCode) => {
    const administrator = hire(regionCode, 'administrator');
    administrator.regionCommissions.push({ regionCode, role: 'region-administrator' });
    return administrator;
  });

  // Persona picks: Region Stockholm's first unit (u = 0, so it has its own administrator).
  const firstUnit = units[0];
  const firstStaff = firstUnit && staffByUnit.get(firstUnit.hsaId);
  const stockholmAdministrator = regionAdministrators[0];
  const lastStockholmUnit = units.filter((unit) => unit.regionCode === firstUnit?.regionCode).at(-1);
  if (!firstUnit || !firstStaff || !stockholmAdministrator || !lastStockholmUnit) {
    throw new Error('the demo needs at least one unit');
  }
  commission(stockholmAdministrator, lastStockholmUnit, 'unit-administrator');
  // Hired last, so that adding them changed nobody else in the demo.
  const secondDoctor = hire(firstUnit.regionCode, 'doctor');
  commission(secondDoctor, firstUnit, 'caregiver');
  // Likewise last: the installation's administrator, with no commission at any unit or region.
  const installationAdministrator = hire(firstUnit.regionCode, 'administrator');
  installationAdministrator.installationRoles = ['installation-administrator'];

  const persona = (employee: EmployeeRecord, unitHsaId: string | null): StaffPersona => ({
    hsaId: employee.hsaId,
    personnummer: employee.personnummer,
    unitHsaId,
  });
  return {
    employees,
    personas: {
      receiver: persona(firstStaff.secretary, firstUnit.hsaId),
      doctor: persona(firstStaff.doctor, firstUnit.hsaId),
      secondDoctor: persona(secondDoctor, firstUnit.hsaId),
      nurse: persona(firstStaff.nurse, firstUnit.hsaId),
      unitAdministrator: persona(firstStaff.administrator, firstUnit.hsaId),
      regionAdministrator: persona(stockholmAdministrator, null),
      installationAdministrator: persona(installationAdministrator, null),
    },
  };
}
