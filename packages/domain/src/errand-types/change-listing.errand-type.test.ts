import { describe, expect, it } from 'vitest';
import { buildChangeListingAnswerForm, buildChangeListingForm } from './change-listing.errand-type.ts';
import { expectAccepted, expectValidDefinition, refusalCodes, refusals } from './errand-type.test-support.ts';

const form = buildChangeListingForm();

describe('change listing: citizen form', () => {
  it('is a valid definition', () => {
    expectValidDefinition(form);
  });

  it('accepts listing at the unit, with or without a doctor and reason', () => {
    expectAccepted(form, { change: 'unit' });
    expectAccepted(form, {
      change: 'unit',
      currentUnit: 'Vårdcentralen Syd',
      preferredDoctor: 'Dr Berg',
      reason: 'Flyttat.',
    });
  });

  it('requires the new doctor when changing doctor', () => {
    expect(refusals(form, { change: 'doctor' })).toEqual([
      {
        path: 'newDoctor',
        code: 'required',
        message: { sv: 'Fyll i vilken läkare du vill ha.', en: 'Fill in which doctor you would like.' },
      },
    ]);
    expectAccepted(form, { change: 'doctor', newDoctor: 'Dr Lind' });
  });

  it('refuses the fields of the other choice', () => {
    expect(refusalCodes(form, { change: 'doctor', newDoctor: 'Dr Lind', currentUnit: 'x' })).toEqual([
      'currentUnit:not-applicable',
    ]);
    expect(refusalCodes(form, {})).toEqual(['change:required']);
  });
});

describe('change listing: answer form', () => {
  const answerForm = buildChangeListingAnswerForm();

  it('is a valid definition', () => {
    expectValidDefinition(answerForm);
  });

  it('takes the date and doctor of a completed change', () => {
    const closing = { message: 'Du är nu listad hos oss.', citizenMayReply: false };
    expectAccepted(answerForm, { outcome: 'done', effectiveFrom: '2025-06-01', assignedDoctor: 'Dr Lind', ...closing });
    expect(refusalCodes(answerForm, { outcome: 'not-possible', effectiveFrom: '2025-06-01', ...closing })).toEqual([
      'effectiveFrom:not-applicable',
    ]);
  });
});
