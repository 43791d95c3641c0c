import { buildDemoRegister, demoPersonas } from '../../packages/server/src/registers/index.ts';

// The demo register's special people, as the browser tests log in: the test server seeds the
// register dated today, so it is built here for the same day.

export type DemoCitizen = Readonly<{ personnummer: string; givenName: string; familyName: string }>;
export type DemoStaff = Readonly<{ hsaId: string; name: string; unitHsaId: string }>;

export function demoPeople(today = new Date()) {
  const register = buildDemoRegister(today);
  const personas = demoPersonas(today);
  const citizen = (personnummer: string): DemoCitizen => {
    const person = register.population.people.find((p) => p.personnummer === personnummer);
    if (!person) throw new Error(`no demo person ${personnummer}`);
    return { personnummer, givenName: person.name.given, familyName: person.name.family };
  };
  const staff = (persona: { hsaId: string; unitHsaId: string | null }): DemoStaff => {
    const employee = register.hsa.employees.find((e) => e.hsaId === persona.hsaId);
    if (!employee || !persona.unitHsaId) throw new Error(`no demo employee ${persona.hsaId}`);
    return {
      hsaId: employee.hsaId,
      name: `${employee.name.given} ${employee.name.family}`,
      unitHsaId: persona.unitHsaId,
    };
  };
  const unitHsaId = personas.staff.receiver.unitHsaId ?? '';
  const unit = register.hsa.careUnits.find((u) => u.hsaId === unitHsaId);
  return {
    citizen: citizen(personas.citizens.adult.personnummer),
    otherCitizen: citizen(personas.citizens.withoutMobile.personnummer),
    receiver: staff(personas.staff.receiver),
    doctor: staff(personas.staff.doctor),
    /** Caregiver and receiver at the unit, caregiver at a second one (chooses a unit at login). */
    nurse: staff(personas.staff.nurse),
    unitAdministrator: staff(personas.staff.unitAdministrator),
    unit: { hsaId: unitHsaId, name: unit?.name ?? '' },
  };
}
