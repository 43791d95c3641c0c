import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptedAnswerViolations } from './accepted-answers.oracle.ts';
import { answerTexts } from './answer-text.test-support.ts';
import { validateAnswers } from './answer-validator.ts';
import {
  edgeAnswersArb,
  hostileAnswersArb,
  hostileKeyArb,
  hostileValueArb,
  validAnswersArb,
} from './form-answers.arbitraries.ts';
import { formDefinitionArb } from './form-definition.arbitraries.ts';
import { validateFormDefinition } from './form-definition-validator.ts';

const today = '2025-05-12';
const todayArb = fc.constantFrom('2025-05-12', '2024-02-29', '2025-12-31', '2026-01-01');

// What validateAnswers accepts, it must be able to defend: the oracle restates every rule plainly.
function expectAcceptedToBeAllowed(result: ReturnType<typeof validateAnswers>, check: (value: unknown) => string[]) {
  if (result.ok) expect(check(result.value)).toEqual([]);
  else expect(result.errors.length).toBeGreaterThan(0);
}

describe('form definitions (property)', () => {
  it('every generated definition passes validateFormDefinition', () => {
    fc.assert(
      fc.property(formDefinitionArb, (definition) => {
        expect(validateFormDefinition(definition)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('validateFormDefinition never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything({ withNullPrototype: true }), fc.jsonValue()), (input) => {
        expect(Array.isArray(validateFormDefinition(input))).toBe(true);
      }),
    );
  });

  it('validateFormDefinition never throws on a definition with one part replaced', () => {
    fc.assert(
      fc.property(formDefinitionArb, fc.nat(), hostileKeyArb, hostileValueArb, (definition, pick, key, value) => {
        // Replace one property somewhere in the definition with something hostile.
        const copy = structuredClone(definition) as unknown as Record<string, unknown>;
        const objects: Record<string, unknown>[] = [];
        const walk = (node: unknown) => {
          if (node && typeof node === 'object') {
            if (!Array.isArray(node)) objects.push(node as Record<string, unknown>);
            for (const child of Object.values(node)) walk(child);
          }
        };
        walk(copy);
        const target = objects[pick % objects.length] as Record<string, unknown>;
        const keys = Object.keys(target);
        const chosen = pick % 2 === 0 ? (keys[pick % keys.length] ?? key) : key;
        Object.defineProperty(target, chosen, { value, enumerable: true, writable: true, configurable: true });
        const problems = validateFormDefinition(copy);
        expect(Array.isArray(problems)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('answers (property)', () => {
  it('accepts answers that satisfy the definition, and cleaning them again changes nothing', () => {
    fc.assert(
      fc.property(
        formDefinitionArb.chain((definition) => fc.tuple(fc.constant(definition), validAnswersArb(definition, today))),
        ([definition, answers]) => {
          const result = validateAnswers(definition, answers, { today });
          expect(result.ok ? [] : result.errors).toEqual([]);
          if (!result.ok) return;
          expect(acceptedAnswerViolations(definition, result.value, today)).toEqual([]);
          expect(validateAnswers(definition, result.value, { today })).toEqual(result);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on hostile answers, and never accepts what the definition forbids', () => {
    fc.assert(
      fc.property(
        formDefinitionArb.chain((definition) =>
          fc.tuple(fc.constant(definition), hostileAnswersArb(definition, today)),
        ),
        ([definition, answers]) => {
          const result = validateAnswers(definition, answers, { today });
          expectAcceptedToBeAllowed(result, (value) => acceptedAnswerViolations(definition, value, today));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never accepts answers just outside the limits', () => {
    fc.assert(
      fc.property(
        formDefinitionArb.chain((definition) => fc.tuple(fc.constant(definition), edgeAnswersArb(definition, today))),
        ([definition, answers]) => {
          const result = validateAnswers(definition, answers, { today });
          expectAcceptedToBeAllowed(result, (value) => acceptedAnswerViolations(definition, value, today));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary values, on any day', () => {
    fc.assert(
      fc.property(
        formDefinitionArb,
        fc.oneof(fc.anything({ withNullPrototype: true, maxDepth: 4 }), hostileValueArb),
        todayArb,
        (definition, answers, day) => {
          const result = validateAnswers(definition, answers, { today: day });
          expectAcceptedToBeAllowed(result, (value) => acceptedAnswerViolations(definition, value, day));
        },
      ),
    );
  });

  it('reports every error with a path, a code and a message in both languages', () => {
    fc.assert(
      fc.property(
        formDefinitionArb.chain((definition) =>
          fc.tuple(fc.constant(definition), hostileAnswersArb(definition, today)),
        ),
        ([definition, answers]) => {
          const result = validateAnswers(definition, answers, { today });
          if (result.ok) return;
          expect(result.errors.length).toBeLessThanOrEqual(101);
          for (const error of result.errors) {
            expect(typeof error.path).toBe('string');
            expect(error.code).toMatch(/^[a-z-]+$/);
            const text = answerTexts(error.message);
            expect(text.sv.length).toBeGreaterThan(0);
            expect(text.en.length).toBeGreaterThan(0);
            expect(text.sv.length).toBeLessThan(1000);
          }
        },
      ),
    );
  });

  it('never lets answers change Object.prototype', () => {
    fc.assert(
      fc.property(
        formDefinitionArb.chain((definition) =>
          fc.tuple(fc.constant(definition), hostileAnswersArb(definition, today)),
        ),
        ([definition, answers]) => {
          validateAnswers(definition, answers, { today });
          expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
        },
      ),
    );
  });
});
