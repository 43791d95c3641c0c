import { describe, expect, it } from 'vitest';
import { buildDemoRegister } from './demo/demo-register.ts';
import { createFileRegister } from './file-register.adapter.ts';
import { RegisterFileError } from './register-file.validation.ts';

// Where the population register lists a person ("Din vårdcentral"): carried by the file adapter,
// checked against the catalogue, and given to the demo's people.
describe('listings in the register files', () => {
  const files = buildDemoRegister(new Date('2026-12-06T09:00:00Z'));

  it('lists demo people at a health centre in their own municipality, and some nowhere', async () => {
    const units = new Map(files.hsa.careUnits.map((unit) => [unit.hsaId, unit]));
    const listed = files.population.people.filter((person) => person.listedUnitHsaId !== undefined);
    expect(listed.length).toBeGreaterThan(files.population.people.length / 2);
    for (const person of listed) {
      const unit = units.get(person.listedUnitHsaId ?? '');
      expect(unit?.kind).toBe('primary-care');
      expect(unit?.municipality.code).toBe(person.municipality.code);
    }
    expect(files.population.people.some((person) => person.listedUnitHsaId === undefined)).toBe(true);
    const register = createFileRegister(files);
    const first = listed[0];
    expect((await register.findPerson(first?.personnummer ?? ''))?.listedUnitHsaId).toBe(first?.listedUnitHsaId);
  });

  it('refuses a listing at a unit the catalogue does not have, naming where', () => {
    const broken = structuredClone(files);
    const person = broken.population.people[3];
    if (!person) throw new Error('no person');
    person.listedUnitHsaId = 'SE2321000016-NOSUCH';
    let error: unknown;
    try {
      createFileRegister(broken);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RegisterFileError);
    expect((error as RegisterFileError).problems).toEqual([
      {
        file: 'population.json',
        path: '/people/3/listedUnitHsaId',
        message: 'no care unit with this HSA-id is in hsa.json',
      },
    ]);
  });
});
