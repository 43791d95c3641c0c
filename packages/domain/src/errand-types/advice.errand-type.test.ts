import { describe, expect, it } from 'vitest';
import { buildAdviceAnswerForm, buildAdviceForm } from './advice.errand-type.ts';
import { expectAccepted, expectValidDefinition, refusalCodes } from './errand-type.test-support.ts';

describe('advice: citizen form', () => {
  const plain = buildAdviceForm({ askForEarlierCaregiver: false });
  const withEarlier = buildAdviceForm({ askForEarlierCaregiver: true });

  it('is a valid definition with and without the earlier caregiver', () => {
    expectValidDefinition(plain);
    expectValidDefinition(withEarlier);
  });

  it('requires the question', () => {
    expect(refusalCodes(plain, { question: '' })).toEqual(['question:required']);
    expectAccepted(plain, { question: 'Hur länge ska jag ta penicillinet?' });
  });

  it('asks for the earlier caregiver only when the unit has turned it on, and only after a yes', () => {
    const answers = { question: 'x', hasEarlierContact: true, earlierCaregiver: 'Sjuksköterska Lind' };
    expect(refusalCodes(plain, answers)).toEqual(['hasEarlierContact:unknown-field', 'earlierCaregiver:unknown-field']);
    expectAccepted(withEarlier, answers);
    expect(refusalCodes(withEarlier, { ...answers, hasEarlierContact: false })).toEqual([
      'earlierCaregiver:not-applicable',
    ]);
    expectAccepted(withEarlier, { question: 'x' });
  });
});

describe('advice: answer form', () => {
  const answerForm = buildAdviceAnswerForm();

  it('is a valid definition with just the message and whether the citizen may reply', () => {
    expectValidDefinition(answerForm);
    expect(answerForm.fields.map((field) => field.key)).toEqual(['message', 'citizenMayReply']);
    expect(refusalCodes(answerForm, { message: 'Ta det lugnt.', citizenMayReply: 'ja' })).toEqual([
      'citizenMayReply:wrong-type',
    ]);
  });
});
