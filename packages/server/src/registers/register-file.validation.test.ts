import { describe, expect, it } from 'vitest';
import { personnummerMaker } from './demo/personnummer-maker.ts';
import { seededRandom } from './demo/seeded-random.ts';
import { FileRegister } from './file-register.adapter.ts';
import type { HsaFile, PersonRecord, PopulationFile } from './register-file.schema.ts';
import {
  RegisterFileError,
  type RegisterProblem,
  validateHsaFile,
  validatePopulationFile,
} from './register-file.validation.ts';

const maker = personnummerMaker(seededRandom(7));
const PARENT = maker.make({ year: 1980, month: 5, day: 17 }, 'female');
const CHILD = maker.make({ year: 2015, month: 11, day: 3 }, 'male');
const STAFF = maker.make({ year: 1975, month: 1, day: 31 }, 'male');

function person(personnummer: string, guardians: string[] = []): PersonRecord {
  return {
    personnummer,
    name: { given: 'Test', family: 'Testsson' },
    address: { street: 'Storgatan 1', postalCode: '752 20', city: 'Uppsala' },
    municipality: { code: '0380', name: 'Uppsala' },
    mobile: '+46701740699',
    guardians,
    protectedIdentity: false,
    mailForwarding: false,
  };
}

/** A small valid population, changed by each test through `change`. Typed loosely: tests break it. */
function population(change: (file: PopulationFile & Record<string, unknown>) => void = () => {}): unknown {
  const file = { version: 1 as const, people: [person(PARENT), person(CHILD, [PARENT])] };
  change(file);
  return file;
}

function hsa(change: (file: HsaFile) => void = () => {}): unknown {
  const file: HsaFile = {
    version: 1,
    regions: [{ code: '03', name: 'Region Uppsala' }],
    careUnits: [
      {
        hsaId: 'SE2321000024-E0301',
        name: 'Vårdcentralen Test',
        regionCode: '03',
        municipality: { code: '0380', name: 'Uppsala' },
        address: { street: 'Vårdvägen 1', postalCode: '752 36', city: 'Uppsala' },
        kind: 'primary-care',
      },
    ],
    employees: [
      {
        hsaId: 'SE2321000024-P03001',
        personnummer: STAFF,
        name: { given: 'Doktor', family: 'Testsson' },
        profession: 'doctor',
        commissions: [{ unitHsaId: 'SE2321000024-E0301', roles: ['caregiver', 'receiver'] }],
        regionCommissions: [{ regionCode: '03', role: 'region-administrator' }],
      },
    ],
  };
  change(file);
  return file;
}

function problemsOf(result: { ok: boolean; problems?: readonly RegisterProblem[] }): readonly RegisterProblem[] {
  return result.ok ? [] : (result.problems ?? []);
}

describe('validatePopulationFile', () => {
  it('accepts a valid file', () => {
    expect(validatePopulationFile(population()).ok).toBe(true);
  });

  it('names a missing field by its path', () => {
    const result = validatePopulationFile(
      population((f) => {
        delete (f.people[1] as Partial<PersonRecord>).name;
      }),
    );
    expect(problemsOf(result)).toEqual([
      { file: 'population.json', path: '/people/1', message: 'is missing required properties: name' },
    ]);
  });

  it('names a value of the wrong type', () => {
    const result = validatePopulationFile(
      population((f) => {
        (f.people[0] as Record<string, unknown>).protectedIdentity = 'yes';
      }),
    );
    expect(problemsOf(result)).toEqual([
      { file: 'population.json', path: '/people/0/protectedIdentity', message: 'must be boolean' },
    ]);
  });

  it('refuses unknown properties once, so that misspellings are found', () => {
    const result = validatePopulationFile(
      population((f) => {
        (f.people[0] as Record<string, unknown>).protectedIdentiy = true;
      }),
    );
    expect(problemsOf(result)).toEqual([
      { file: 'population.json', path: '/people/0', message: 'has unknown properties: protectedIdentiy' },
    ]);
  });

  it('explains the expected formats', () => {
    const result = validatePopulationFile(
      population((f) => {
        const first = f.people[0] as Record<string, unknown> & PersonRecord;
        first.personnummer = '19800517-1234';
        first.mobile = '070-1740699';
        first.address = { ...first.address, postalCode: '75220' };
        f.version = 2 as 1;
      }),
    );
    expect(problemsOf(result)).toEqual(
      expect.arrayContaining([
        { file: 'population.json', path: '/version', message: 'must be 1' },
        {
          file: 'population.json',
          path: '/people/0/personnummer',
          message: 'must be a personnummer of 12 digits, YYYYMMDDNNNC',
        },
        {
          file: 'population.json',
          path: '/people/0/mobile',
          message: 'must be a phone number in E.164 form like +46701740605',
        },
        {
          file: 'population.json',
          path: '/people/0/address/postalCode',
          message: 'must be a postal code written like 123 45',
        },
      ]),
    );
  });

  it('refuses a personnummer with a wrong check digit or an impossible date', () => {
    const wrongCheck = `${PARENT.slice(0, 11)}${(Number(PARENT[11]) + 1) % 10}`;
    const result = validatePopulationFile(
      population((f) => {
        f.people.push(person(wrongCheck), person('202302290000'));
      }),
    );
    expect(problemsOf(result)).toEqual([
      {
        file: 'population.json',
        path: '/people/2/personnummer',
        message: expect.stringMatching(/not a valid personnummer/),
      },
      {
        file: 'population.json',
        path: '/people/3/personnummer',
        message: expect.stringMatching(/not a valid personnummer/),
      },
    ]);
  });

  it('refuses the same personnummer twice', () => {
    const result = validatePopulationFile(population((f) => f.people.push(person(PARENT))));
    expect(problemsOf(result)).toEqual([
      {
        file: 'population.json',
        path: '/people/2/personnummer',
        message: 'is the same personnummer as /people/0/personnummer',
      },
    ]);
  });

  it('refuses a guardian who is not in the register, oneself as guardian, and a guardian listed twice', () => {
    const result = validatePopulationFile(
      population((f) => {
        f.people[1] = person(CHILD, [STAFF, CHILD, PARENT, PARENT]);
      }),
    );
    expect(problemsOf(result)).toEqual([
      {
        file: 'population.json',
        path: '/people/1/guardians/0',
        message: 'no person with this personnummer is in the file',
      },
      { file: 'population.json', path: '/people/1/guardians/1', message: 'a person cannot be their own guardian' },
      { file: 'population.json', path: '/people/1/guardians/3', message: 'is listed more than once' },
    ]);
  });

  it('reports a file that is not an object at all', () => {
    expect(problemsOf(validatePopulationFile([]))).toEqual([
      { file: 'population.json', path: '', message: 'must be object' },
    ]);
  });
});

describe('validateHsaFile', () => {
  it('accepts a valid file', () => {
    expect(validateHsaFile(hsa())).toEqual({ ok: true, value: hsa() });
  });

  it('refuses a unit in an unknown region and a municipality outside its region', () => {
    const result = validateHsaFile(
      hsa((f) => {
        const unit = f.careUnits[0];
        if (unit) f.careUnits.push({ ...unit, hsaId: 'SE2321000024-E0302', regionCode: '99' });
        if (unit)
          f.careUnits.push({ ...unit, hsaId: 'SE2321000024-E0303', municipality: { code: '0180', name: 'Stockholm' } });
      }),
    );
    expect(problemsOf(result)).toEqual([
      { file: 'hsa.json', path: '/careUnits/1/regionCode', message: 'no region with this code is in the file' },
      { file: 'hsa.json', path: '/careUnits/2/municipality/code', message: 'is not a municipality in region 03' },
    ]);
  });

  it('refuses a commission at an unknown unit or region, and two commissions at one unit', () => {
    const result = validateHsaFile(
      hsa((f) => {
        const employee = f.employees[0];
        if (employee === undefined) return;
        f.employees[0] = {
          ...employee,
          commissions: [
            { unitHsaId: 'SE2321000024-E0399', roles: ['caregiver'] },
            { unitHsaId: 'SE2321000024-E0301', roles: ['receiver'] },
            { unitHsaId: 'SE2321000024-E0301', roles: ['caregiver'] },
          ],
          regionCommissions: [{ regionCode: '12', role: 'region-administrator' }],
        };
      }),
    );
    expect(problemsOf(result)).toEqual([
      {
        file: 'hsa.json',
        path: '/employees/0/commissions/0/unitHsaId',
        message: 'no care unit with this HSA-id is in the file',
      },
      {
        file: 'hsa.json',
        path: '/employees/0/commissions/2/unitHsaId',
        message: 'has a second commission at the same unit',
      },
      {
        file: 'hsa.json',
        path: '/employees/0/regionCommissions/0/regionCode',
        message: 'no region with this code is in the file',
      },
    ]);
  });

  it('refuses an HSA-id used twice, even by a unit and a person', () => {
    const result = validateHsaFile(
      hsa((f) => {
        const employee = f.employees[0];
        if (employee) f.employees.push({ ...employee, hsaId: 'SE2321000024-E0301', personnummer: PARENT });
      }),
    );
    expect(problemsOf(result)).toEqual([
      { file: 'hsa.json', path: '/employees/1/hsaId', message: 'is the same HSA-id as /careUnits/0/hsaId' },
    ]);
  });

  it('refuses the same region twice and a staff personnummer twice', () => {
    const result = validateHsaFile(
      hsa((f) => {
        f.regions.push({ code: '03', name: 'Region Uppsala igen' });
        const employee = f.employees[0];
        if (employee)
          f.employees.push({ ...employee, hsaId: 'SE2321000024-P03002', commissions: [], regionCommissions: [] });
      }),
    );
    expect(problemsOf(result)).toEqual([
      { file: 'hsa.json', path: '/regions/1/code', message: 'is the same region code as /regions/0/code' },
      {
        file: 'hsa.json',
        path: '/employees/1/personnummer',
        message: 'is the same personnummer as /employees/0/personnummer',
      },
    ]);
  });

  it('lists the allowed values of an enumeration and explains HSA-ids', () => {
    const result = validateHsaFile(
      hsa((f) => {
        const unit = f.careUnits[0] as Record<string, unknown>;
        unit.kind = 'dentist';
        unit.hsaId = 'SE-123';
        const commission = f.employees[0]?.commissions[0] as { roles: string[] };
        commission.roles = [];
      }),
    );
    expect(problemsOf(result)).toEqual(
      expect.arrayContaining([
        { file: 'hsa.json', path: '/careUnits/0/hsaId', message: 'must be an HSA-id like SE2321000016-E0101' },
        {
          file: 'hsa.json',
          path: '/careUnits/0/kind',
          message: expect.stringMatching(/^must be one of: primary-care, /),
        },
        { file: 'hsa.json', path: '/employees/0/commissions/0/roles', message: expect.stringMatching(/1/) },
      ]),
    );
  });
});

describe('RegisterFileError', () => {
  it('lists every problem in both files, by file and path, without personal data', () => {
    const call = () =>
      FileRegister.fromFiles(
        population((f) => {
          f.people[1] = person(CHILD, [STAFF]);
        }),
        hsa((f) => {
          const unit = f.careUnits[0];
          if (unit) f.careUnits[0] = { ...unit, regionCode: '99' };
          const employee = f.employees[0];
          if (employee)
            f.employees[0] = { ...employee, commissions: [{ unitHsaId: 'SE2321000024-E0399', roles: ['caregiver'] }] };
        }),
        '/srv/register',
      );
    expect(call).toThrow(RegisterFileError);
    try {
      call();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('The register files in /srv/register are invalid (3 problems)');
      expect(message).toContain('population.json at /people/1/guardians/0: no person with this personnummer');
      expect(message).toContain('hsa.json at /careUnits/0/regionCode: no region with this code');
      expect(message).toContain('hsa.json at /employees/0/commissions/0/unitHsaId: no care unit');
      expect(message).not.toContain(STAFF);
      expect(message).not.toContain(CHILD);
      expect((error as RegisterFileError).problems).toHaveLength(3);
    }
  });

  it('shortens a very long list in the message but keeps every problem', () => {
    const problems = Array.from({ length: 120 }, (_, i) => ({
      file: 'population.json',
      path: `/people/${i}`,
      message: 'x',
    }));
    const error = new RegisterFileError('dir', problems);
    expect(error.problems).toHaveLength(120);
    expect(error.message).toContain('… and 70 more');
    expect(error.message.split('\n')).toHaveLength(1 + 50 + 1);
  });
});
