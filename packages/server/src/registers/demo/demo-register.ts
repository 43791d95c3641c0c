import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stockholmCalendarDate } from '@kontakta/domain';
import type { RegisterFiles } from '../file-register.adapter.ts';
import type { Personnummer } from '../register.types.ts';
import { HSA_FILE_NAME, POPULATION_FILE_NAME } from '../register-file.schema.ts';
import { demoCareUnits, SWEDISH_REGIONS } from './demo-organisation.ts';
import { CITIZEN_PERSONAS, type CitizenPersonaKey, demoPopulation } from './demo-population.ts';
import { demoStaff, STAFF_PERSONAS, type StaffPersona, type StaffPersonaKey } from './demo-staff.ts';
import { personnummerMaker } from './personnummer-maker.ts';
import { seededRandom } from './seeded-random.ts';

export { CITIZEN_PERSONAS, type CitizenPersonaKey } from './demo-population.ts';
export { STAFF_PERSONAS, type StaffPersona, type StaffPersonaKey } from './demo-staff.ts';

/** The special people of the demo, so tests and the dev login page can find them by role. */
export type DemoPersonas = Readonly<{
  citizens: Readonly<Record<CitizenPersonaKey, Readonly<{ personnummer: Personnummer; description: string }>>>;
  staff: Readonly<Record<StaffPersonaKey, StaffPersona & Readonly<{ description: string }>>>;
}>;

// Fixed, so the same `today` always gives the same register; only ages depend on `today`.
const DEMO_SEED = 1177;

function buildDemo(today: Date): { files: RegisterFiles; personas: DemoPersonas } {
  const date = stockholmCalendarDate(today);
  const random = seededRandom(DEMO_SEED);
  const personnummer = personnummerMaker(random);
  const units = demoCareUnits();
  const population = demoPopulation(date, personnummer, units);
  const staff = demoStaff(date, units, personnummer, random);

  const citizens = Object.fromEntries(
    Object.entries(CITIZEN_PERSONAS).map(([key, description]) => [
      key,
      { personnummer: population.personas[key as CitizenPersonaKey], description },
    ]),
  ) as DemoPersonas['citizens'];
  const staffPersonas = Object.fromEntries(
    Object.entries(STAFF_PERSONAS).map(([key, description]) => [
      key,
      { ...staff.personas[key as StaffPersonaKey], description },
    ]),
  ) as DemoPersonas['staff'];

  return {
    files: {
      population: { version: 1, people: population.people },
      hsa: { version: 1, regions: [...SWEDISH_REGIONS], careUnits: units, employees: staff.employees },
    },
    personas: { citizens, staff: staffPersonas },
  };
}

/**
 * The demo's register content: Sweden's 21 regions, fictional units in real municipalities,
 * staff in every role at every unit, and citizens whose special ages are counted from `today`
 * on the Swedish calendar. Deterministic: the same `today` gives the same content.
 */
export function buildDemoRegister(today: Date): RegisterFiles {
  return buildDemo(today).files;
}

/** Who is who in the register `buildDemoRegister(today)` returns. */
export function demoPersonas(today: Date): DemoPersonas {
  return buildDemo(today).personas;
}

/** Writes `population.json` and `hsa.json` for `today` into `directory`, creating it if needed. */
export async function writeDemoRegister(directory: string, today: Date): Promise<void> {
  const { population, hsa } = buildDemoRegister(today);
  await mkdir(directory, { recursive: true });
  await Promise.all([
    writeJsonAtomically(path.join(directory, POPULATION_FILE_NAME), population),
    writeJsonAtomically(path.join(directory, HSA_FILE_NAME), hsa),
  ]);
}

// Write then rename, so a server starting at the same moment never reads half a file.
async function writeJsonAtomically(file: string, content: unknown): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`, 'utf8');
  await rename(temporary, file);
}
