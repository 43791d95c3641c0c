import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptedAnswerViolations } from '../forms/accepted-answers.oracle.ts';
import { validateAnswers } from '../forms/answer-validator.ts';
import { hostileAnswersArb, validAnswersArb } from '../forms/form-answers.arbitraries.ts';
import { HEALTH_QUESTIONS } from './ask-the-nurse.errand-type.ts';
import {
  baseErrandTypes,
  buildBaseErrandForms,
  findBaseErrandType,
  isBaseErrandTypeId,
  parseBaseErrandTypeOptions,
} from './base-errand-types.ts';
import { TODAY } from './errand-type.test-support.ts';
import { DEFAULT_CERTIFICATE_KINDS, requestCertificateErrandType } from './request-certificate.errand-type.ts';

/** Options a unit administrator could set for each type, for property tests. */
const unitOptionsArb: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  'cancel-or-reschedule-appointment': fc.record({ showUnsuitableDays: fc.boolean() }),
  'request-appointment': fc.record({ showUnsuitableDays: fc.boolean() }),
  'request-certificate': fc.record({
    certificateKinds: fc.uniqueArray(
      fc.record({
        value: fc.constantFrom('other', 'driving-licence', 'diving', 'pilot', 'gun-licence', 'school-sports'),
        label: fc.record({
          sv: fc.constantFrom('Intyg', 'Läkarintyg för körkort'),
          en: fc.constantFrom('Certificate'),
        }),
      }),
      { minLength: 1, maxLength: 6, selector: (kind) => kind.value },
    ),
  }),
  'ask-the-nurse': fc.record({ healthQuestions: fc.subarray([...HEALTH_QUESTIONS]) }),
  'renew-prescription': fc.record({ showFurtherInformation: fc.boolean() }),
  advice: fc.record({ askForEarlierCaregiver: fc.boolean() }),
};
const optionsFor = (id: string) => unitOptionsArb[id] ?? fc.constant({});

describe('the base offering', () => {
  it('has eleven types with stable kebab-case ids', () => {
    expect(baseErrandTypes.map((type) => type.id)).toEqual([
      'cancel-or-reschedule-appointment',
      'request-appointment',
      'request-certificate',
      'order-medical-record-copy',
      'ask-the-nurse',
      'extend-sick-leave',
      'renew-prescription',
      'renew-assistive-aids',
      'contact-me',
      'advice',
      'change-listing',
    ]);
    for (const type of baseErrandTypes) expect(type.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('names and describes every type in Swedish and English', () => {
    for (const type of baseErrandTypes) {
      for (const text of [type.name, type.description]) {
        expect(text.sv.trim()).not.toBe('');
        expect(text.en.trim()).not.toBe('');
        expect(text.sv).not.toBe(text.en);
      }
    }
  });

  it('finds types by id, and nothing else', () => {
    expect(findBaseErrandType('renew-prescription')?.name.sv).toBe('Förnya recept');
    expect(findBaseErrandType('__proto__')).toBeUndefined();
    expect(findBaseErrandType('constructor')).toBeUndefined();
    expect(isBaseErrandTypeId('advice')).toBe(true);
    expect(isBaseErrandTypeId('custom')).toBe(false);
    expect(buildBaseErrandForms('custom', {})).toMatchObject({ ok: false, problems: [{ code: 'invalid-value' }] });
  });

  it.each(baseErrandTypes.map((type) => type.id))('builds valid forms for %s from default options', (id) => {
    const built = buildBaseErrandForms(id, undefined);
    expect(built.ok ? [] : built.problems).toEqual([]);
    if (!built.ok) return;
    const answerKeys = built.answerForm.fields.map((field) => field.key);
    expect(answerKeys.slice(-2)).toEqual(['message', 'citizenMayReply']);
  });

  it('builds valid forms for every combination of options a unit can choose', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...baseErrandTypes.map((type) => type.id))
          .chain((id) => fc.tuple(fc.constant(id), optionsFor(id))),
        ([id, options]) => {
          const built = buildBaseErrandForms(id, options);
          expect(built.ok ? [] : built.problems).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('unit options', () => {
  it('fills in defaults without sharing them', () => {
    const parsed = parseBaseErrandTypeOptions(requestCertificateErrandType, null);
    expect(parsed).toEqual({ ok: true, value: { certificateKinds: DEFAULT_CERTIFICATE_KINDS } });
    if (parsed.ok) parsed.value.certificateKinds.pop();
    expect(DEFAULT_CERTIFICATE_KINDS).toHaveLength(5);
  });

  it('does not change what the administrator sent', () => {
    const input = {};
    parseBaseErrandTypeOptions(requestCertificateErrandType, input);
    expect(input).toEqual({});
  });

  it.each([
    ['an unknown option', { showUnsuitableDays: true, colour: 'red' }, 'colour:unknown-property'],
    ['a wrong type', { showUnsuitableDays: 'yes' }, 'showUnsuitableDays:wrong-type'],
    ['a list', [], ':wrong-type'],
    ['text', 'show', ':wrong-type'],
  ])('refuses %s', (_, options, expected) => {
    const built = buildBaseErrandForms('request-appointment', options);
    expect(built.ok ? [] : built.problems.map((problem) => `${problem.path}:${problem.code}`)).toEqual([expected]);
  });

  it('refuses __proto__ in options', () => {
    const options = JSON.parse('{"showUnsuitableDays":true,"__proto__":{"polluted":true}}');
    expect(buildBaseErrandForms('request-appointment', options)).toMatchObject({ ok: false });
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  });
});

describe('base forms (property)', () => {
  const citizenAndAnswerForms = baseErrandTypes.flatMap((type) => {
    const built = buildBaseErrandForms(type.id, {});
    return built.ok ? [built.citizenForm, built.answerForm] : [];
  });

  it('accepts answers that satisfy a base form', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...citizenAndAnswerForms)
          .chain((form) => fc.tuple(fc.constant(form), validAnswersArb(form, TODAY))),
        ([form, answers]) => {
          const result = validateAnswers(form, answers, { today: TODAY });
          expect(result.ok ? [] : result.errors).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on hostile answers to a base form, and never accepts what it forbids', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...citizenAndAnswerForms)
          .chain((form) => fc.tuple(fc.constant(form), hostileAnswersArb(form, TODAY))),
        ([form, answers]) => {
          const result = validateAnswers(form, answers, { today: TODAY });
          if (result.ok) expect(acceptedAnswerViolations(form, result.value, TODAY)).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
