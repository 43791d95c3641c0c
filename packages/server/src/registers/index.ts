// The registers' public surface: the two interfaces, the file adapter and the demo content.

export { type DemoContactCard, demoContactCards } from './demo/demo-contact-cards.ts';
export {
  buildDemoRegister,
  CITIZEN_PERSONAS,
  type CitizenPersonaKey,
  type DemoPersonas,
  demoPersonas,
  STAFF_PERSONAS,
  type StaffPersona,
  type StaffPersonaKey,
  writeDemoRegister,
} from './demo/demo-register.ts';
export { createFileRegister, FileRegister, loadFileRegister, type RegisterFiles } from './file-register.adapter.ts';
export {
  CARE_UNIT_KINDS,
  type CareUnit,
  type CareUnitKind,
  type Employee,
  type HsaCatalogue,
  PROFESSIONS,
  type Profession,
  type Region,
  type RegionCommission,
  UNIT_ROLES,
  type UnitCommission,
  type UnitRole,
} from './hsa-catalogue.ts';
export { openRegisters, type Registers } from './open-registers.ts';
export type { Person, PopulationRegister } from './population-register.ts';
export type { Municipality, PersonName, Personnummer, PostalAddress } from './register.types.ts';
export { HSA_FILE_NAME, type HsaFile, POPULATION_FILE_NAME, type PopulationFile } from './register-file.schema.ts';
export { formatProblem, RegisterFileError, type RegisterProblem } from './register-file.validation.ts';
