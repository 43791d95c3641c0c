import { describe, expect, it } from 'vitest';
import {
  askTheNurseErrandType,
  buildAskTheNurseAnswerForm,
  buildAskTheNurseForm,
  HEALTH_QUESTIONS,
} from './ask-the-nurse.errand-type.ts';
import { buildBaseErrandForms, parseBaseErrandTypeOptions } from './base-errand-types.ts';
import { expectAccepted, expectValidDefinition, refusalCodes, refusals } from './errand-type.test-support.ts';

const defaults = buildAskTheNurseForm({
  healthQuestions: ['symptom-duration', 'fever', 'pain', 'current-medication', 'allergies'],
});
const question = 'Jag har haft hosta i två veckor. Behöver jag komma in?';

describe('ask the nurse: citizen form', () => {
  it('is a valid definition with no, some and all health questions', () => {
    expectValidDefinition(buildAskTheNurseForm({ healthQuestions: [] }));
    expectValidDefinition(defaults);
    expectValidDefinition(buildAskTheNurseForm({ healthQuestions: [...HEALTH_QUESTIONS] }));
  });

  it('asks the unit’s chosen questions, in the catalogue’s order', () => {
    const form = buildAskTheNurseForm({ healthQuestions: ['allergies', 'fever'] });
    expect(form.fields.map((field) => field.key)).toEqual([
      'question',
      'healthHeading',
      'hasFever',
      'temperature',
      'hasAllergies',
      'allergies',
    ]);
  });

  it('accepts a question with answers to the health questions', () => {
    expectAccepted(defaults, {
      question,
      symptomDuration: 'one-to-four-weeks',
      hasFever: true,
      temperature: 38.5,
      hasPain: true,
      painLocation: 'Bröstet när jag hostar',
      painIntensity: 4,
      takesMedication: false,
      hasAllergies: true,
      allergies: 'Penicillin',
    });
  });

  it('requires the question and answers to the health questions', () => {
    expect(refusals(defaults, {}).map((error) => error.message.sv)).toEqual([
      'Fyll i din fråga.',
      'Välj hur länge du har haft besvären.',
      'Välj om du har feber.',
      'Välj om du har ont.',
      'Välj om du tar några läkemedel.',
      'Välj om du har några allergier.',
    ]);
  });

  it('follows up a yes, and refuses a follow-up to a no', () => {
    const base = {
      question,
      symptomDuration: 'less-than-a-day',
      hasPain: false,
      takesMedication: false,
      hasAllergies: false,
    };
    expect(refusalCodes(defaults, { ...base, hasFever: false, temperature: 38 })).toEqual([
      'temperature:not-applicable',
    ]);
    expect(refusalCodes(defaults, { ...base, hasFever: true, takesMedication: true })).toEqual([
      'currentMedication:required',
    ]);
  });

  it('refuses a temperature no one can have, and a pain score off the scale', () => {
    const base = { question, symptomDuration: 'less-than-a-day', takesMedication: false, hasAllergies: false };
    const answers = {
      ...base,
      hasFever: true,
      temperature: 50,
      hasPain: true,
      painLocation: 'Huvudet',
      painIntensity: 11,
    };
    expect(refusals(defaults, answers).map((error) => error.message.sv)).toEqual([
      'Temperaturen kan vara högst 43.',
      'Smärtan kan vara högst 10.',
    ]);
  });

  it('refuses answers to questions the unit did not choose', () => {
    const form = buildAskTheNurseForm({ healthQuestions: ['allergies'] });
    expect(refusalCodes(form, { question, hasAllergies: false, hasFever: true })).toEqual(['hasFever:unknown-field']);
  });
});

describe('ask the nurse: unit options', () => {
  it('defaults to five common questions', () => {
    expect(parseBaseErrandTypeOptions(askTheNurseErrandType, {})).toEqual({
      ok: true,
      value: { healthQuestions: ['symptom-duration', 'fever', 'pain', 'current-medication', 'allergies'] },
    });
  });

  it('refuses questions outside the catalogue and repeated questions', () => {
    expect(buildBaseErrandForms('ask-the-nurse', { healthQuestions: ['horoscope'] })).toMatchObject({
      ok: false,
      problems: [{ path: 'healthQuestions[0]', code: 'invalid-value' }],
    });
    expect(buildBaseErrandForms('ask-the-nurse', { healthQuestions: ['fever', 'fever'] })).toMatchObject({ ok: false });
  });
});

describe('ask the nurse: answer form', () => {
  const answerForm = buildAskTheNurseAnswerForm();

  it('is a valid definition', () => {
    expectValidDefinition(answerForm);
  });

  it('takes an optional recommendation with the message', () => {
    expectAccepted(answerForm, { recommendation: 'book-appointment', message: 'Boka en tid.', citizenMayReply: true });
    expectAccepted(answerForm, { message: 'Vila och drick mycket.', citizenMayReply: false });
  });
});
