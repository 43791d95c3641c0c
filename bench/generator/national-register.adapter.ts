import type { CareUnit, Employee, Person, Region, Registers } from '../../packages/server/src/registers/index.ts';
import type { NationalOrganisation } from './national-organisation.ts';
import { indexForPersonnummer, STAFF_FIRST_INDEX } from './national-personnummer.ts';
import { findNationalCitizen } from './national-population.ts';

/**
 * The population register and HSA catalogue for the generated country, the way a real
 * integration would plug in (registers/README.md): every answer computed from the seed, so the
 * benchmark server needs neither a 10-million-line file nor the generator's memory.
 */
export function nationalRegisters(seed: number, citizens: number, organisation: NationalOrganisation): Registers {
  const unitsById = new Map<string, CareUnit>(organisation.units.map((u) => [u.hsaId, toCareUnit(u)]));
  const regionsByCode = new Map<string, Region>(organisation.regions.map((r) => [r.code, r]));
  const employees = new Map<string, Employee>(organisation.staff.map((s) => [s.hsaId, toEmployee(s)]));
  const employeesByPersonnummer = new Map<string, Employee>([...employees.values()].map((e) => [e.personnummer, e]));
  return {
    listRegions: async () => organisation.regions,
    findRegion: async (code) => regionsByCode.get(code),
    listCareUnits: async () => [...unitsById.values()],
    findCareUnit: async (hsaId) => unitsById.get(hsaId),
    findEmployee: async (hsaId) => employees.get(hsaId),
    findEmployeeByPersonnummer: async (personnummer) => employeesByPersonnummer.get(personnummer),
    listEmployeesAtUnit: async (unitHsaId) =>
      (organisation.staffByUnit.get(unitHsaId) ?? []).map((s) => employees.get(s.hsaId) as Employee),
    listRegionAdministrators: async () => [],
    findPerson: async (personnummer): Promise<Person | undefined> => {
      const index = indexForPersonnummer(personnummer);
      if (index === undefined || index >= STAFF_FIRST_INDEX) return undefined;
      return findNationalCitizen(seed, citizens, personnummer, organisation)?.person;
    },
    findChildren: async () => [],
  };
}

function toCareUnit(unit: CareUnit): CareUnit {
  return {
    hsaId: unit.hsaId,
    name: unit.name,
    regionCode: unit.regionCode,
    municipality: unit.municipality,
    address: unit.address,
    kind: unit.kind,
  };
}

function toEmployee(staff: Employee): Employee {
  return {
    hsaId: staff.hsaId,
    personnummer: staff.personnummer,
    name: staff.name,
    profession: staff.profession,
    commissions: staff.commissions,
    regionCommissions: staff.regionCommissions,
  };
}
