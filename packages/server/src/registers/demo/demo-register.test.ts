import { type CalendarDate, parsePersonnummer, stockholmCalendarDate } from '@kontakta/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFileRegister } from '../file-register.adapter.ts';
import { UNIT_ROLES } from '../hsa-catalogue.ts';
import { completedMonths, monthsBefore } from './calendar.ts';
import { buildDemoRegister, demoPersonas } from './demo-register.ts';

// Leap day, year ends on both sides of midnight in Stockholm, month ends that force clamping.
const TODAYS = [
  new Date('2024-02-29T12:00:00Z'),
  new Date('2023-12-31T23:30:00Z'), // already 1 January 2024 in Stockholm
  new Date('2024-12-31T12:00:00Z'),
  new Date('2025-01-01T00:30:00+01:00'),
  new Date('2024-10-31T09:00:00Z'),
  new Date('2025-03-31T09:00:00Z'),
  new Date('2025-06-15T09:00:00Z'),
  new Date('2028-02-29T09:00:00Z'),
];

function birthDate(personnummer: string): CalendarDate {
  const day = Number(personnummer.slice(6, 8));
  return {
    year: Number(personnummer.slice(0, 4)),
    month: Number(personnummer.slice(4, 6)),
    // A coordination number adds 60 to the day.
    day: day > 60 ? day - 60 : day,
  };
}

describe.each(TODAYS)('the demo register generated on %s', (today) => {
  const { population, hsa } = buildDemoRegister(today);
  const personas = demoPersonas(today);
  const date = stockholmCalendarDate(today);
  const person = (pnr: string) => {
    const found = population.people.find((p) => p.personnummer === pnr);
    if (found === undefined) throw new Error('persona not in the register');
    return found;
  };
  const ageInMonths = (pnr: string) => completedMonths(birthDate(pnr), date);
  const parsed = (pnr: string) => {
    const result = parsePersonnummer(pnr, today);
    if (!result.ok) throw new Error(`not a valid personnummer: ${result.reason}`);
    return result.value;
  };

  it('passes the file adapter validation', () => {
    expect(() => createFileRegister({ population, hsa })).not.toThrow();
  });

  it('has children of exactly 12 years 8 months, 12 years 11 months and 13 years', () => {
    expect(ageInMonths(personas.citizens.child12y8m.personnummer)).toBe(12 * 12 + 8);
    expect(ageInMonths(personas.citizens.child12y11m.personnummer)).toBe(12 * 12 + 11);
    expect(ageInMonths(personas.citizens.child13.personnummer)).toBe(13 * 12);
    // The 13th birthday is today, or the nearest earlier day when today does not exist 13 years back.
    expect(birthDate(personas.citizens.child13.personnummer)).toEqual(monthsBefore(date, 13));
  });

  it('gives the special children their guardians', () => {
    for (const key of ['child12y8m', 'child12y11m', 'child13', 'youngChild'] as const) {
      expect(person(personas.citizens[key].personnummer).guardians).toHaveLength(2);
    }
    expect(person(personas.citizens.child12y8m.personnummer).guardians).toContain(
      personas.citizens.guardian.personnummer,
    );
    expect(ageInMonths(personas.citizens.youngChild.personnummer)).toBeLessThan(13 * 12);
  });

  it('has the other special citizens', () => {
    const { citizens } = personas;
    const protectedChild = person(citizens.protectedChild.personnummer);
    expect(person(citizens.protectedGuardian.personnummer).protectedIdentity).toBe(true);
    expect(protectedChild.protectedIdentity).toBe(true);
    expect(protectedChild.guardians).toEqual([citizens.protectedGuardian.personnummer]);
    expect(person(citizens.mailForwarding.personnummer).mailForwarding).toBe(true);
    expect(parsed(citizens.coordinationNumber.personnummer).kind).toBe('samordningsnummer');
    expect(ageInMonths(citizens.centenarian.personnummer)).toBeGreaterThan(100 * 12);
    expect(person(citizens.withoutMobile.personnummer).mobile).toBeUndefined();
    expect(person(citizens.singleGuardian.personnummer).mobile).toBeUndefined();
    expect(person(citizens.adult.personnummer).mobile).toMatch(/^\+467/);
    expect(person('191212121212').name).toEqual({ given: 'Tolvan', family: 'Tolvansson' });
  });

  it('has at least 40 citizens and only valid, unique personnummer', () => {
    expect(population.people.length).toBeGreaterThanOrEqual(40);
    const citizens = population.people.map((p) => p.personnummer);
    const staff = hsa.employees.map((e) => e.personnummer);
    const all = [...citizens, ...staff];
    // Reserve numbers and interim numbers are not register entries: the parser refuses both.
    for (const pnr of all) expect(parsePersonnummer(pnr, today), pnr).toMatchObject({ ok: true });
    expect(new Set(all).size).toBe(all.length);
  });

  it('has all 21 regions and at least 30 units in at least 5 regions', () => {
    expect(hsa.regions).toHaveLength(21);
    expect(hsa.careUnits.length).toBeGreaterThanOrEqual(30);
    expect(new Set(hsa.careUnits.map((u) => u.regionCode)).size).toBeGreaterThanOrEqual(5);
  });

  it('has unique HSA-ids across units and staff', () => {
    const ids = [...hsa.careUnits.map((u) => u.hsaId), ...hsa.employees.map((e) => e.hsaId)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('staffs every unit in every role, with a doctor and a nurse among the caregivers', () => {
    for (const unit of hsa.careUnits) {
      const commissions = hsa.employees.flatMap((e) =>
        e.commissions.filter((c) => c.unitHsaId === unit.hsaId).map((c) => ({ employee: e, roles: c.roles })),
      );
      const roles = new Set(commissions.flatMap((c) => c.roles));
      expect([...roles].sort(), unit.name).toEqual([...UNIT_ROLES].sort());
      const caregivers = commissions.filter((c) => c.roles.includes('caregiver')).map((c) => c.employee.profession);
      expect(caregivers, unit.name).toContain('doctor');
      expect(caregivers, unit.name).toContain('nurse');
    }
  });

  it('has people with several roles, people at several units and a regional administrator per region with units', () => {
    expect(hsa.employees.some((e) => e.commissions.some((c) => c.roles.length > 1))).toBe(true);
    expect(hsa.employees.some((e) => e.commissions.length > 1)).toBe(true);
    for (const regionCode of new Set(hsa.careUnits.map((u) => u.regionCode))) {
      const administrators = hsa.employees.filter((e) => e.regionCommissions.some((c) => c.regionCode === regionCode));
      expect(administrators.length, regionCode).toBeGreaterThanOrEqual(1);
    }
  });

  it('describes the staff personas truthfully', () => {
    const employee = (hsaId: string) => hsa.employees.find((e) => e.hsaId === hsaId);
    const { staff } = personas;
    expect(employee(staff.receiver.hsaId)?.commissions).toEqual([
      { unitHsaId: staff.receiver.unitHsaId, roles: ['receiver'] },
    ]);
    expect(employee(staff.doctor.hsaId)?.commissions).toEqual([
      { unitHsaId: staff.doctor.unitHsaId, roles: ['caregiver'] },
    ]);
    expect(employee(staff.nurse.hsaId)?.commissions).toHaveLength(2);
    const administrator = employee(staff.unitAdministrator.hsaId);
    expect(administrator?.commissions.map((c) => c.roles)).toEqual([['unit-administrator'], ['unit-administrator']]);
    expect(employee(staff.regionAdministrator.hsaId)?.regionCommissions).toEqual([
      { regionCode: '01', role: 'region-administrator' },
    ]);
    // The installation administrator has the installation role and nothing else.
    const installation = employee(staff.installationAdministrator.hsaId);
    expect(installation?.installationRoles).toEqual(['installation-administrator']);
    expect(installation?.commissions).toEqual([]);
    expect(installation?.regionCommissions).toEqual([]);
    expect(hsa.employees.filter((e) => e.installationRoles !== undefined)).toHaveLength(1);
  });

  it('is the same every time for the same day', () => {
    expect(buildDemoRegister(today)).toEqual({ population, hsa });
  });
});

describe('the demo register', () => {
  it('has the special ages on any day', () => {
    const instant = fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2100-01-01T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, (today) => {
        const { citizens } = demoPersonas(today);
        const date = stockholmCalendarDate(today);
        expect(completedMonths(birthDate(citizens.child12y8m.personnummer), date)).toBe(152);
        expect(completedMonths(birthDate(citizens.child12y11m.personnummer), date)).toBe(155);
        expect(birthDate(citizens.child13.personnummer)).toEqual(monthsBefore(date, 13));
      }),
      { numRuns: 50 },
    );
  });

  it('names Sweden’s regions correctly', () => {
    const { hsa } = buildDemoRegister(new Date('2025-05-05T10:00:00Z'));
    expect(Object.fromEntries(hsa.regions.map((r) => [r.code, r.name]))).toEqual({
      '01': 'Region Stockholm',
      '03': 'Region Uppsala',
      '04': 'Region Sörmland',
      '05': 'Region Östergötland',
      '06': 'Region Jönköpings län',
      '07': 'Region Kronoberg',
      '08': 'Region Kalmar län',
      '09': 'Region Gotland',
      '10': 'Region Blekinge',
      '12': 'Region Skåne',
      '13': 'Region Halland',
      '14': 'Västra Götalandsregionen',
      '17': 'Region Värmland',
      '18': 'Region Örebro län',
      '19': 'Region Västmanland',
      '20': 'Region Dalarna',
      '21': 'Region Gävleborg',
      '22': 'Region Västernorrland',
      '23': 'Region Jämtland Härjedalen',
      '24': 'Region Västerbotten',
      '25': 'Region Norrbotten',
    });
  });

  it('keeps everything but birth dates when the day changes', () => {
    const a = buildDemoRegister(new Date('2025-05-05T10:00:00Z'));
    const b = buildDemoRegister(new Date('2026-09-17T10:00:00Z'));
    const names = (files: typeof a) => files.population.people.map((p) => `${p.name.given} ${p.name.family}`);
    expect(names(b)).toEqual(names(a));
    expect(b.hsa.careUnits).toEqual(a.hsa.careUnits);
    expect(b.hsa.employees.map((e) => e.hsaId)).toEqual(a.hsa.employees.map((e) => e.hsaId));
  });
});
