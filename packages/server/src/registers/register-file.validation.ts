import { isValidPersonnummer } from '@kontakta/domain';
import { Compile } from 'typebox/compile';
import type { TLocalizedValidationError } from 'typebox/error';
import {
  HSA_FILE_NAME,
  type HsaFile,
  HsaFileSchema,
  POPULATION_FILE_NAME,
  type PopulationFile,
  PopulationFileSchema,
} from './register-file.schema.ts';

/**
 * One thing wrong in a register file. `path` is a JSON Pointer (RFC 6901) into the file,
 * '' for the whole file. Messages name paths, never values: the error ends up in the
 * operational log, which must carry no personnummer.
 */
export type RegisterProblem = Readonly<{ file: string; path: string; message: string }>;

/** The most problems spelt out in an error message; `problems` always holds them all. */
const MESSAGE_PROBLEM_LIMIT = 50;

export class RegisterFileError extends Error {
  readonly problems: readonly RegisterProblem[];

  constructor(source: string, problems: readonly RegisterProblem[]) {
    const shown = problems.slice(0, MESSAGE_PROBLEM_LIMIT).map((p) => `  - ${formatProblem(p)}`);
    if (problems.length > MESSAGE_PROBLEM_LIMIT) shown.push(`  … and ${problems.length - MESSAGE_PROBLEM_LIMIT} more`);
    super(`The register files in ${source} are invalid (${problems.length} problems):\n${shown.join('\n')}`);
    this.name = 'RegisterFileError';
    this.problems = problems;
  }
}

export function formatProblem(problem: RegisterProblem): string {
  return problem.path === ''
    ? `${problem.file}: ${problem.message}`
    : `${problem.file} at ${problem.path}: ${problem.message}`;
}

export type RegisterFileValidation<T> =
  | Readonly<{ ok: true; value: T }>
  | Readonly<{ ok: false; problems: readonly RegisterProblem[] }>;

// Compiled once: the JIT validator checks a whole country's population file in well under a second.
const populationValidator = Compile(PopulationFileSchema);
const hsaValidator = Compile(HsaFileSchema);

/** Schema and cross-record checks of `population.json`'s parsed content. */
export function validatePopulationFile(content: unknown): RegisterFileValidation<PopulationFile> {
  if (!populationValidator.Check(content)) {
    return { ok: false, problems: schemaProblems(POPULATION_FILE_NAME, populationValidator.Errors(content)) };
  }
  const problems: RegisterProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ file: POPULATION_FILE_NAME, path, message });

  const firstIndex = new Map<string, number>();
  content.people.forEach((person, i) => {
    const path = `/people/${i}/personnummer`;
    if (!isValidPersonnummer(person.personnummer)) {
      problem(path, 'is not a valid personnummer (wrong check digit or no such date)');
    }
    const earlier = firstIndex.get(person.personnummer);
    if (earlier === undefined) firstIndex.set(person.personnummer, i);
    else problem(path, `is the same personnummer as /people/${earlier}/personnummer`);
  });

  content.people.forEach((person, i) => {
    const seen = new Set<string>();
    person.guardians.forEach((guardian, g) => {
      const path = `/people/${i}/guardians/${g}`;
      if (guardian === person.personnummer) problem(path, 'a person cannot be their own guardian');
      else if (!firstIndex.has(guardian)) problem(path, 'no person with this personnummer is in the file');
      if (seen.has(guardian)) problem(path, 'is listed more than once');
      seen.add(guardian);
    });
  });

  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: content };
}

/** Schema and cross-record checks of `hsa.json`'s parsed content. */
export function validateHsaFile(content: unknown): RegisterFileValidation<HsaFile> {
  if (!hsaValidator.Check(content)) {
    return { ok: false, problems: schemaProblems(HSA_FILE_NAME, hsaValidator.Errors(content)) };
  }
  const problems: RegisterProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ file: HSA_FILE_NAME, path, message });

  const regionPaths = new Map<string, string>();
  content.regions.forEach((region, i) => {
    const earlier = regionPaths.get(region.code);
    if (earlier !== undefined) problem(`/regions/${i}/code`, `is the same region code as ${earlier}`);
    else regionPaths.set(region.code, `/regions/${i}/code`);
  });

  // HSA-ids are unique across the whole catalogue, units and people alike.
  const hsaIdPaths = new Map<string, string>();
  const claimHsaId = (hsaId: string, path: string) => {
    const earlier = hsaIdPaths.get(hsaId);
    if (earlier !== undefined) problem(path, `is the same HSA-id as ${earlier}`);
    else hsaIdPaths.set(hsaId, path);
  };

  const unitIds = new Set<string>();
  content.careUnits.forEach((unit, i) => {
    claimHsaId(unit.hsaId, `/careUnits/${i}/hsaId`);
    unitIds.add(unit.hsaId);
    if (!regionPaths.has(unit.regionCode)) {
      problem(`/careUnits/${i}/regionCode`, 'no region with this code is in the file');
    } else if (!unit.municipality.code.startsWith(unit.regionCode)) {
      // A municipality code starts with its county code, and a region is a county.
      problem(`/careUnits/${i}/municipality/code`, `is not a municipality in region ${unit.regionCode}`);
    }
  });

  const personnummerPaths = new Map<string, string>();
  content.employees.forEach((employee, i) => {
    const base = `/employees/${i}`;
    claimHsaId(employee.hsaId, `${base}/hsaId`);
    if (!isValidPersonnummer(employee.personnummer)) {
      problem(`${base}/personnummer`, 'is not a valid personnummer (wrong check digit or no such date)');
    }
    const earlierPnr = personnummerPaths.get(employee.personnummer);
    if (earlierPnr !== undefined) problem(`${base}/personnummer`, `is the same personnummer as ${earlierPnr}`);
    else personnummerPaths.set(employee.personnummer, `${base}/personnummer`);

    const commissionUnits = new Set<string>();
    employee.commissions.forEach((commission, c) => {
      const path = `${base}/commissions/${c}/unitHsaId`;
      if (!unitIds.has(commission.unitHsaId)) problem(path, 'no care unit with this HSA-id is in the file');
      if (commissionUnits.has(commission.unitHsaId)) problem(path, 'has a second commission at the same unit');
      commissionUnits.add(commission.unitHsaId);
    });
    const commissionRegions = new Set<string>();
    employee.regionCommissions.forEach((commission, c) => {
      const path = `${base}/regionCommissions/${c}/regionCode`;
      if (!regionPaths.has(commission.regionCode)) problem(path, 'no region with this code is in the file');
      if (commissionRegions.has(commission.regionCode)) problem(path, 'has a second commission in the same region');
      commissionRegions.add(commission.regionCode);
    });
  });

  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: content };
}

// Friendlier words for the formats the schema expresses as patterns.
const PATTERN_MESSAGES: Record<string, string> = {
  '^[0-9]{12}$': 'must be a personnummer of 12 digits, YYYYMMDDNNNC',
  '^SE[0-9]{10}-[0-9A-Za-z]+$': 'must be an HSA-id like SE2321000016-E0101',
  '^[0-9]{3} [0-9]{2}$': 'must be a postal code written like 123 45',
  '^[0-9]{4}$': 'must be a four-digit municipality code',
  '^[0-9]{2}$': 'must be a two-digit county code',
  '^\\+[1-9][0-9]{6,14}$': 'must be a phone number in E.164 form like +46701740605',
};

function schemaProblems(file: string, errors: readonly TLocalizedValidationError[]): RegisterProblem[] {
  const problems: RegisterProblem[] = [];
  for (const error of errors) {
    // An unknown property is reported twice (as `additionalProperties` and as its `false` subschema).
    if (error.keyword === 'boolean' && error.schemaPath.endsWith('/additionalProperties')) continue;
    problems.push({ file, path: error.instancePath, message: schemaMessage(error) });
  }
  return problems;
}

function schemaMessage(error: TLocalizedValidationError): string {
  switch (error.keyword) {
    case 'additionalProperties':
      return `has unknown properties: ${error.params.additionalProperties.join(', ')}`;
    case 'required':
      return `is missing required properties: ${error.params.requiredProperties.join(', ')}`;
    case 'enum':
      return `must be one of: ${error.params.allowedValues.join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(error.params.allowedValue)}`;
    case 'pattern':
      return PATTERN_MESSAGES[String(error.params.pattern)] ?? error.message;
    default:
      return error.message;
  }
}
