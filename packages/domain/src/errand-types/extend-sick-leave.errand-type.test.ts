import { describe, expect, it } from 'vitest';
import { expectAccepted, expectValidDefinition, refusalCodes, refusals } from './errand-type.test-support.ts';
import { buildExtendSickLeaveAnswerForm, buildExtendSickLeaveForm } from './extend-sick-leave.errand-type.ts';

const form = buildExtendSickLeaveForm();
const valid = {
  currentSickLeaveUntil: '2025-05-18',
  currentDegree: '100',
  currentCertificateIssuer: 'Dr Berg',
  reason: 'Jag har fortfarande ont och kan inte lyfta.',
  awaitingMeasure: false,
};

describe('extend sick leave: citizen form', () => {
  it('is a valid definition', () => {
    expectValidDefinition(form);
  });

  it('accepts the current sick leave, a reason and no awaited measure', () => {
    expectAccepted(form, valid);
  });

  it('asks what the citizen is waiting for', () => {
    expect(refusals(form, { ...valid, awaitingMeasure: true })).toEqual([
      {
        path: 'awaitedMeasure',
        code: 'required',
        message: { sv: 'Fyll i vad du väntar på.', en: 'Fill in what you are waiting for.' },
      },
    ]);
    expectAccepted(form, { ...valid, awaitingMeasure: true, awaitedMeasure: 'Operation av knät i juni.' });
  });

  it('requires the current sick leave and the reason, and refuses degrees that do not exist', () => {
    expect(refusalCodes(form, { currentDegree: '30', awaitingMeasure: false })).toEqual([
      'currentSickLeaveUntil:required',
      'currentDegree:not-an-option',
      'reason:required',
    ]);
  });
});

describe('extend sick leave: answer form', () => {
  const answerForm = buildExtendSickLeaveAnswerForm();

  it('is a valid definition', () => {
    expectValidDefinition(answerForm);
  });

  it('requires the new end date and extent when the sick leave is extended', () => {
    const closing = { message: 'Intyget är skickat till Försäkringskassan.', citizenMayReply: false };
    expect(refusalCodes(answerForm, { outcome: 'extended', ...closing })).toEqual([
      'extendedUntil:required',
      'extendedDegree:required',
    ]);
    expectAccepted(answerForm, { outcome: 'extended', extendedUntil: '2025-06-15', extendedDegree: '50', ...closing });
    expectAccepted(answerForm, { outcome: 'not-extended', ...closing });
  });
});
