import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysBefore } from './demo/calendar.ts';
import { buildDemoRegister, demoPersonas, writeDemoRegister } from './demo/demo-register.ts';
import { personnummerMaker } from './demo/personnummer-maker.ts';
import { seededRandom } from './demo/seeded-random.ts';
import { createFileRegister, type FileRegister, loadFileRegister } from './file-register.adapter.ts';
import type { PersonRecord } from './register-file.schema.ts';
import { RegisterFileError } from './register-file.validation.ts';

const TODAY = new Date('2025-03-31T10:00:00Z');

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'kontakta-register-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function freshDirectory(name: string): Promise<string> {
  const dir = path.join(directory, name);
  await rm(dir, { recursive: true, force: true });
  return dir;
}

describe('the file register with the demo content', () => {
  const files = buildDemoRegister(TODAY);
  const personas = demoPersonas(TODAY);
  let register: FileRegister;

  beforeAll(async () => {
    const dir = await freshDirectory('demo');
    await writeDemoRegister(dir, TODAY);
    register = await loadFileRegister(dir);
  });

  it('returns every person as written, with children derived from the guardians', async () => {
    for (const record of files.population.people) {
      const children = files.population.people
        .filter((p) => p.guardians.includes(record.personnummer))
        .map((p) => p.personnummer);
      expect(await register.findPerson(record.personnummer)).toEqual({ ...record, children });
    }
  });

  it('finds a guardian’s children', async () => {
    const children = await register.findChildren(personas.citizens.guardian.personnummer);
    expect(children.map((c) => c.personnummer)).toContain(personas.citizens.child12y8m.personnummer);
    expect(children).toHaveLength(3);
    expect(await register.findChildren(personas.citizens.adult.personnummer)).toEqual([]);
  });

  it('answers unknown keys with undefined or an empty list', async () => {
    expect(await register.findPerson('191212121213')).toBeUndefined();
    expect(await register.findChildren('191212121213')).toEqual([]);
    expect(await register.findRegion('99')).toBeUndefined();
    expect(await register.findCareUnit('SE2321000016-NONE')).toBeUndefined();
    expect(await register.findEmployee('SE2321000016-NONE')).toBeUndefined();
    expect(await register.findEmployeeByPersonnummer(personas.citizens.adult.personnummer)).toBeUndefined();
    expect(await register.listEmployeesAtUnit('SE2321000016-NONE')).toEqual([]);
    expect(await register.listRegionAdministrators('04')).toEqual([]);
  });

  it('lists regions and units as written', async () => {
    expect(await register.listRegions()).toEqual(files.hsa.regions);
    expect(await register.findRegion('14')).toEqual({ code: '14', name: 'Västra Götalandsregionen' });
    expect(await register.listCareUnits()).toEqual(files.hsa.careUnits);
    for (const unit of files.hsa.careUnits) expect(await register.findCareUnit(unit.hsaId)).toEqual(unit);
  });

  it('finds staff by HSA-id and by the personnummer they log in with', async () => {
    for (const employee of files.hsa.employees) {
      expect(await register.findEmployee(employee.hsaId)).toEqual(employee);
      expect(await register.findEmployeeByPersonnummer(employee.personnummer)).toEqual(employee);
    }
  });

  it('lists the staff of a unit and the administrators of a region', async () => {
    const { staff } = personas;
    const unitHsaId = staff.doctor.unitHsaId ?? '';
    const atUnit = (await register.listEmployeesAtUnit(unitHsaId)).map((e) => e.hsaId);
    for (const key of ['receiver', 'doctor', 'nurse', 'unitAdministrator'] as const) {
      expect(atUnit).toContain(staff[key].hsaId);
    }
    const administrators = await register.listRegionAdministrators('01');
    expect(administrators.map((e) => e.hsaId)).toEqual([staff.regionAdministrator.hsaId]);
  });

  it('hands out records nobody can change', async () => {
    const person = await register.findPerson(personas.citizens.guardian.personnummer);
    expect(Object.isFrozen(person)).toBe(true);
    expect(Object.isFrozen(person?.address)).toBe(true);
    expect(Object.isFrozen(person?.children)).toBe(true);
    const employee = await register.findEmployee(personas.staff.nurse.hsaId);
    expect(Object.isFrozen(employee?.commissions[0]?.roles)).toBe(true);
  });

  it('leaves the caller’s content untouched when built from memory', () => {
    const content = buildDemoRegister(TODAY);
    createFileRegister(content);
    expect(Object.isFrozen(content.population.people[0])).toBe(false);
  });
});

describe('loadFileRegister refusals', () => {
  it('names both files when they are missing', async () => {
    const dir = await freshDirectory('missing');
    const error = await loadFileRegister(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegisterFileError);
    expect((error as RegisterFileError).problems).toEqual([
      { file: 'population.json', path: '', message: 'the file does not exist' },
      { file: 'hsa.json', path: '', message: 'the file does not exist' },
    ]);
    expect((error as Error).message).toContain(dir);
  });

  it('reports broken JSON by line and column, without quoting the content', async () => {
    const dir = await freshDirectory('broken');
    await writeDemoRegister(dir, TODAY);
    await writeFile(
      path.join(dir, 'population.json'),
      '{\n  "version": 1,\n  "people": [{"personnummer": "191212121212" x\n',
    );
    const error = await loadFileRegister(dir).catch((e: unknown) => e);
    const problems = (error as RegisterFileError).problems;
    expect(problems).toEqual([
      {
        file: 'population.json',
        path: '',
        message: "is not valid JSON: Expected ',' or '}' after property value (line 3, column 46)",
      },
    ]);
    expect((error as Error).message).not.toContain('191212121212');
  });

  it('reports content problems by file and path', async () => {
    const dir = await freshDirectory('invalid');
    const { population, hsa } = buildDemoRegister(TODAY);
    const people = population.people.map((p, i) =>
      i === 1 ? { ...p, guardians: ['191212121212', '200001010000'] } : p,
    );
    await writeDemoRegister(dir, TODAY);
    await writeFile(path.join(dir, 'population.json'), JSON.stringify({ ...population, people }));
    await writeFile(path.join(dir, 'hsa.json'), JSON.stringify({ ...hsa, regions: hsa.regions.slice(1) }));
    const error = await loadFileRegister(dir).catch((e: unknown) => e);
    const message = (error as Error).message;
    expect(message).toContain(
      'population.json at /people/1/guardians/1: no person with this personnummer is in the file',
    );
    // Region Stockholm (01) was removed, so each of its units now points at an unknown region.
    expect(message).toContain('hsa.json at /careUnits/0/regionCode: no region with this code is in the file');
    const { regionAdministrator } = demoPersonas(TODAY).staff;
    const administrator = hsa.employees.findIndex((e) => e.hsaId === regionAdministrator.hsaId);
    expect(message).toContain(`hsa.json at /employees/${administrator}/regionCommissions/0/regionCode: no region`);
  });
});

describe('a whole country', () => {
  it('loads 100 000 people and looks them up quickly', async () => {
    const maker = personnummerMaker(seededRandom(100_000));
    const people: PersonRecord[] = [];
    for (let i = 0; i < 100_000; i++) {
      const birth = daysBefore({ year: 2025, month: 1, day: 1 }, i % 36_500);
      const personnummer = maker.make(birth, i % 2 === 0 ? 'female' : 'male');
      // Every third person is a child of the two people before.
      const guardians = i % 3 === 2 ? [people[i - 2]?.personnummer ?? '', people[i - 1]?.personnummer ?? ''] : [];
      people.push({
        personnummer,
        name: { given: 'Test', family: `Testsson ${i}` },
        address: { street: `Storgatan ${i % 100}`, postalCode: '111 22', city: 'Stockholm' },
        municipality: { code: '0180', name: 'Stockholm' },
        guardians,
        protectedIdentity: false,
        mailForwarding: false,
      });
    }
    const dir = await freshDirectory('country');
    await writeDemoRegister(dir, TODAY);
    await writeFile(path.join(dir, 'population.json'), JSON.stringify({ version: 1, people }));

    const started = performance.now();
    const register = await loadFileRegister(dir);
    const loadMs = performance.now() - started;

    const lookupStarted = performance.now();
    for (const person of people) {
      if ((await register.findPerson(person.personnummer)) === undefined) throw new Error('lost a person');
    }
    const lookupMs = performance.now() - lookupStarted;

    // Generous bounds for a slow CI machine; a laptop does both in a fraction of this.
    expect(loadMs).toBeLessThan(10_000);
    expect(lookupMs).toBeLessThan(2_000);
    expect((await register.findChildren(people[0]?.personnummer ?? '')).map((c) => c.personnummer)).toEqual([
      people[2]?.personnummer,
    ]);
  }, 60_000);
});
