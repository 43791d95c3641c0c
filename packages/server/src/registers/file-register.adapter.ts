import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CareUnit, Employee, HsaCatalogue, Region } from './hsa-catalogue.ts';
import type { Person, PopulationRegister } from './population-register.ts';
import type { Personnummer } from './register.types.ts';
import { HSA_FILE_NAME, type HsaFile, POPULATION_FILE_NAME, type PopulationFile } from './register-file.schema.ts';
import {
  RegisterFileError,
  type RegisterProblem,
  validateHsaFile,
  validatePopulationFile,
} from './register-file.validation.ts';

/** The parsed content of both files, as `buildDemoRegister` produces and the files hold. */
export type RegisterFiles = Readonly<{ population: PopulationFile; hsa: HsaFile }>;

/**
 * Both registers served from memory, indexed by key. For development, tests and small
 * installations; a real installation plugs in integrations with the same interfaces.
 * The content is frozen: callers share the records and must not be able to change them.
 */
export class FileRegister implements PopulationRegister, HsaCatalogue {
  readonly #people = new Map<Personnummer, Person>();
  readonly #regions: readonly Region[];
  readonly #regionsByCode = new Map<string, Region>();
  readonly #units: readonly CareUnit[];
  readonly #unitsById = new Map<string, CareUnit>();
  readonly #employeesById = new Map<string, Employee>();
  readonly #employeesByPersonnummer = new Map<Personnummer, Employee>();
  readonly #employeesByUnit = new Map<string, Employee[]>();
  readonly #administratorsByRegion = new Map<string, Employee[]>();

  /** Use `loadFileRegister` or `createFileRegister`, which validate first; this trusts its input. */
  private constructor(files: RegisterFiles) {
    const children = new Map<Personnummer, Personnummer[]>();
    for (const record of files.population.people) {
      for (const guardian of record.guardians) appendTo(children, guardian, record.personnummer);
    }
    for (const record of files.population.people) {
      const person: Person = { ...record, children: children.get(record.personnummer) ?? [] };
      this.#people.set(person.personnummer, deepFreeze(person));
    }

    this.#regions = deepFreeze([...files.hsa.regions]);
    for (const region of this.#regions) this.#regionsByCode.set(region.code, region);
    this.#units = deepFreeze([...files.hsa.careUnits]);
    for (const unit of this.#units) this.#unitsById.set(unit.hsaId, unit);
    for (const record of files.hsa.employees) {
      const employee: Employee = deepFreeze({ ...record });
      this.#employeesById.set(employee.hsaId, employee);
      this.#employeesByPersonnummer.set(employee.personnummer, employee);
      for (const commission of employee.commissions) appendTo(this.#employeesByUnit, commission.unitHsaId, employee);
      for (const commission of employee.regionCommissions) {
        appendTo(this.#administratorsByRegion, commission.regionCode, employee);
      }
    }
    for (const list of [...this.#employeesByUnit.values(), ...this.#administratorsByRegion.values()]) {
      Object.freeze(list);
    }
  }

  /** Validates parsed file content and indexes it; throws RegisterFileError listing every problem. */
  static fromFiles(population: unknown, hsa: unknown, source = 'memory'): FileRegister {
    const populationResult = validatePopulationFile(population);
    const hsaResult = validateHsaFile(hsa);
    if (!populationResult.ok || !hsaResult.ok) {
      throw new RegisterFileError(source, [
        ...(populationResult.ok ? [] : populationResult.problems),
        ...(hsaResult.ok ? [] : hsaResult.problems),
      ]);
    }
    const listings = listingProblems(populationResult.value, hsaResult.value);
    if (listings.length > 0) throw new RegisterFileError(source, listings);
    return new FileRegister({ population: populationResult.value, hsa: hsaResult.value });
  }

  async findPerson(personnummer: Personnummer): Promise<Person | undefined> {
    return this.#people.get(personnummer);
  }

  async findChildren(guardian: Personnummer): Promise<readonly Person[]> {
    const person = this.#people.get(guardian);
    if (person === undefined) return [];
    return person.children.flatMap((child) => this.#people.get(child) ?? []);
  }

  async listRegions(): Promise<readonly Region[]> {
    return this.#regions;
  }

  async findRegion(code: string): Promise<Region | undefined> {
    return this.#regionsByCode.get(code);
  }

  async listCareUnits(): Promise<readonly CareUnit[]> {
    return this.#units;
  }

  async findCareUnit(hsaId: string): Promise<CareUnit | undefined> {
    return this.#unitsById.get(hsaId);
  }

  async findEmployee(hsaId: string): Promise<Employee | undefined> {
    return this.#employeesById.get(hsaId);
  }

  async findEmployeeByPersonnummer(personnummer: Personnummer): Promise<Employee | undefined> {
    return this.#employeesByPersonnummer.get(personnummer);
  }

  async listEmployeesAtUnit(unitHsaId: string): Promise<readonly Employee[]> {
    return this.#employeesByUnit.get(unitHsaId) ?? [];
  }

  async listRegionAdministrators(regionCode: string): Promise<readonly Employee[]> {
    return this.#administratorsByRegion.get(regionCode) ?? [];
  }
}

/** A person's listing must name a unit of the catalogue: the check that needs both files. */
function listingProblems(population: PopulationFile, hsa: HsaFile): RegisterProblem[] {
  const units = new Set(hsa.careUnits.map((unit) => unit.hsaId));
  return population.people.flatMap((person, i) =>
    person.listedUnitHsaId === undefined || units.has(person.listedUnitHsaId)
      ? []
      : [
          {
            file: POPULATION_FILE_NAME,
            path: `/people/${i}/listedUnitHsaId`,
            message: `no care unit with this HSA-id is in ${HSA_FILE_NAME}`,
          },
        ],
  );
}

/** A register over content already in memory (tests, the demo); validated like the files. */
export function createFileRegister(files: RegisterFiles): FileRegister {
  // A copy, because indexing freezes the records and the caller may still want to change theirs.
  return FileRegister.fromFiles(structuredClone(files.population), structuredClone(files.hsa));
}

/**
 * Reads `population.json` and `hsa.json` from `directory`, validates both and indexes them.
 * Throws RegisterFileError naming every problem in either file, including a missing file or
 * broken JSON. Read once at start; changes to the files need a restart.
 */
export async function loadFileRegister(directory: string): Promise<FileRegister> {
  const [population, hsa] = await Promise.all([
    readJson(directory, POPULATION_FILE_NAME),
    readJson(directory, HSA_FILE_NAME),
  ]);
  const problems = [...population.problems, ...hsa.problems];
  if (problems.length > 0) throw new RegisterFileError(directory, problems);
  return FileRegister.fromFiles(population.content, hsa.content, directory);
}

async function readJson(
  directory: string,
  file: string,
): Promise<{ content: unknown; problems: readonly RegisterProblem[] }> {
  let text: string;
  try {
    text = await readFile(path.join(directory, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'the file does not exist' : `the file cannot be read (${code ?? 'error'})`;
    return { content: undefined, problems: [{ file, path: '', message }] };
  }
  try {
    return { content: JSON.parse(text), problems: [] };
  } catch (error) {
    return { content: undefined, problems: [{ file, path: '', message: jsonSyntaxMessage(text, error) }] };
  }
}

// V8's SyntaxError may quote a snippet of the text in double quotes, which could be a
// personnummer: keep the position, and the reason only when it quotes no snippet.
function jsonSyntaxMessage(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (message === 'Unexpected end of JSON input') return 'is not valid JSON: it ends too early';
  const match = /^(.*) in JSON at position (\d+)/.exec(message);
  if (match?.[1] === undefined || match[2] === undefined) return 'is not valid JSON';
  const before = text.slice(0, Number(match[2])).split('\n');
  const where = `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
  return match[1].includes('"') ? `is not valid JSON (${where})` : `is not valid JSON: ${match[1]} (${where})`;
}

function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
