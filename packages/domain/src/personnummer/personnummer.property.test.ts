import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  dateOfBirthday,
  makePersonnummer,
  type ParsedPersonnummer,
  PERSONNUMMER_REFUSALS,
  type PersonnummerSpec,
  parsePersonnummer,
  shortPersonnummer,
  startOfBirthday,
} from './index.ts';
import { startOfStockholmDay, stockholmDate } from './stockholm-calendar.ts';

const DAY_MS = 86_400_000;

function isoDay(min: string, max: string) {
  return fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));
}

const spec: fc.Arbitrary<PersonnummerSpec> = fc
  .record({
    // Leap days are rare among random dates, and the rules treat them specially.
    birthDate: fc.oneof(
      { arbitrary: isoDay('1850-01-01', '2099-12-31'), weight: 9 },
      { arbitrary: fc.constantFrom('1896-02-29', '1904-02-29', '2000-02-29', '2012-02-29', '2096-02-29'), weight: 1 },
    ),
    sex: fc.constantFrom('female', 'male'),
    kind: fc.constantFrom('personnummer', 'samordningsnummer'),
  })
  .chain((base) =>
    fc.integer({ min: 0, max: base.sex === 'male' ? 499 : 498 }).map((sequence) => ({ ...base, sequence })),
  );

// A number and a reference instant from its birth until 199 years later: the span in which its
// 10-digit form still names one person.
const numberAndInstant = spec.chain((s) => {
  const born = new Date(`${s.birthDate}T00:00:00Z`).getTime();
  return fc
    .integer({ min: 0, max: 199 * 365 * DAY_MS })
    .map((offset) => ({ spec: s, canonical: makePersonnummer(s), on: new Date(born + offset) }));
});

function parseOk(input: string, on: Date): ParsedPersonnummer {
  const result = parsePersonnummer(input, on);
  if (!result.ok) throw new Error(`${JSON.stringify(input)} refused as ${result.reason}`);
  return result.value;
}

/** Every way the number may be written on `on`. */
function writtenForms(person: ParsedPersonnummer, on: Date): string[] {
  const { canonical } = person;
  const short = shortPersonnummer(person, on);
  const forms = [canonical, `${canonical.slice(0, 8)}-${canonical.slice(8)}`, short, ` ${canonical}\t`];
  if (short.includes('-')) forms.push(short.replace('-', ''));
  else forms.push(`${canonical.slice(0, 8)}+${canonical.slice(8)}`);
  return forms;
}

describe('parsePersonnummer properties', () => {
  it('reads every written form of every valid number back to the same person', () => {
    fc.assert(
      fc.property(numberAndInstant, ({ spec: s, canonical, on }) => {
        const person = parseOk(canonical, on);
        expect(person).toEqual({
          kind: s.kind,
          canonical,
          display: `${canonical.slice(0, 8)}-${canonical.slice(8)}`,
          birthDate: s.birthDate,
          sex: s.sex,
        });
        for (const form of writtenForms(person, on)) expect(parseOk(form, on)).toEqual(person);
      }),
    );
  });

  it('gives a 10-digit `+` form someone who is 100 or turns 100 in the reference year', () => {
    const tenDigitPlus = fc.tuple(
      spec,
      fc.date({ min: new Date('1950-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
    );
    fc.assert(
      fc.property(tenDigitPlus, ([s, on]) => {
        const canonical = makePersonnummer(s);
        const result = parsePersonnummer(`${canonical.slice(2, 8)}+${canonical.slice(8)}`, on);
        if (!result.ok) {
          // Only a 29 February can fail: moved to a century where that year was not a leap year.
          expect(result.reason).toBe('invalid-date');
          expect(s.birthDate.slice(5)).toBe('02-29');
          return;
        }
        const year = Number(stockholmDate(on).slice(0, 4));
        expect(ageOn(result.value, startOfStockholmDay(`${year}-12-31`))).toBeGreaterThanOrEqual(100);
        expect(ageOn(result.value, on)).toBeGreaterThanOrEqual(99);
        expect(year - Number(result.value.birthDate.slice(0, 4))).toBeLessThan(200);
      }),
    );
  });

  it('gives a 10-digit `-` form someone under 100 all through the reference year', () => {
    fc.assert(
      fc.property(numberAndInstant, ({ canonical, on }) => {
        const result = parsePersonnummer(`${canonical.slice(2, 8)}-${canonical.slice(8)}`, on);
        if (!result.ok) return;
        const year = Number(stockholmDate(on).slice(0, 4));
        expect(ageOn(result.value, startOfStockholmDay(`${year}-12-31`))).toBeLessThan(100);
        expect(ageOn(result.value, on)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('detects a wrong control digit in every written form', () => {
    fc.assert(
      fc.property(numberAndInstant, fc.integer({ min: 1, max: 9 }), ({ canonical, on }, shift) => {
        const wrong = String((Number(canonical[11]) + shift) % 10);
        for (const form of writtenForms(parseOk(canonical, on), on)) {
          const corrupted = form.trimEnd().slice(0, -1) + wrong;
          expect(parsePersonnummer(corrupted, on)).toEqual({ ok: false, reason: 'checksum' });
        }
      }),
    );
  });

  it('never accepts a number with one digit changed after the century', () => {
    fc.assert(
      fc.property(
        numberAndInstant,
        fc.integer({ min: 2, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        ({ canonical, on }, position, shift) => {
          const digit = String((Number(canonical[position]) + shift) % 10);
          const corrupted = canonical.slice(0, position) + digit + canonical.slice(position + 1);
          expect(parsePersonnummer(corrupted, on).ok).toBe(false);
        },
      ),
    );
  });

  it('never accepts two swapped neighbouring digits (other than 0 and 9)', () => {
    fc.assert(
      fc.property(numberAndInstant, fc.integer({ min: 2, max: 10 }), ({ canonical, on }, position) => {
        const [a = '', b = ''] = [canonical[position], canonical[position + 1]];
        fc.pre(a !== b && `${a}${b}` !== '09' && `${a}${b}` !== '90');
        const swapped = canonical.slice(0, position) + b + a + canonical.slice(position + 2);
        expect(parsePersonnummer(swapped, on).ok).toBe(false);
      }),
    );
  });

  it('never throws and always answers with a known reason, whatever the string', () => {
    const anyString = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.string({ unit: fc.constantFrom(...'0123456789-+ \t\u0000ATMX٠'), maxLength: 16 }),
      fc.stringMatching(/^[0-9]{6,8}[-+]?[0-9A-Z]{4}$/),
    );
    fc.assert(
      fc.property(
        anyString,
        fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
        (input, on) => {
          const result = parsePersonnummer(input, on);
          if (result.ok) {
            // The century is inferred from the day of parsing, which here runs to 2200.
            expect(result.value.canonical).toMatch(/^(18|19|20|21)[0-9]{10}$/);
            expect(result.value.display).toBe(
              `${result.value.canonical.slice(0, 8)}-${result.value.canonical.slice(8)}`,
            );
            expect(result.value.birthDate <= stockholmDate(on)).toBe(true);
          } else {
            expect(PERSONNUMMER_REFUSALS).toContain(result.reason);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('age properties', () => {
  const instant = fc.date({ min: new Date('1850-01-01'), max: new Date('2200-01-01'), noInvalidDate: true });

  it('never decreases as time passes', () => {
    fc.assert(
      fc.property(spec, instant, instant, (s, first, second) => {
        const [earlier, later] = first <= second ? [first, second] : [second, first];
        const person = { birthDate: s.birthDate };
        expect(ageOn(person, earlier)).toBeLessThanOrEqual(ageOn(person, later));
      }),
    );
  });

  it('changes exactly at the start of each birthday', () => {
    fc.assert(
      fc.property(spec, fc.integer({ min: 0, max: 120 }), (s, years) => {
        const start = startOfBirthday(s, years);
        expect(stockholmDate(start)).toBe(dateOfBirthday(s, years));
        expect(ageOn(s, start)).toBe(years);
        expect(ageOn(s, new Date(start.getTime() - 1))).toBe(years - 1);
      }),
    );
  });

  it('keeps the birthday on the birth date, except 29 February in common years', () => {
    fc.assert(
      fc.property(spec, fc.integer({ min: 0, max: 120 }), (s, years) => {
        const birthday = dateOfBirthday(s, years);
        expect(Number(birthday.slice(0, 4))).toBe(Number(s.birthDate.slice(0, 4)) + years);
        if (birthday.slice(5) !== s.birthDate.slice(5)) {
          expect([s.birthDate.slice(5), birthday.slice(5)]).toEqual(['02-29', '02-28']);
        }
      }),
    );
  });
});
