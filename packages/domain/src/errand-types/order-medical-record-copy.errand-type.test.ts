import { describe, expect, it } from 'vitest';
import { expectAccepted, expectValidDefinition, refusalCodes, refusals } from './errand-type.test-support.ts';
import {
  buildOrderMedicalRecordCopyAnswerForm,
  buildOrderMedicalRecordCopyForm,
} from './order-medical-record-copy.errand-type.ts';

const form = buildOrderMedicalRecordCopyForm();

describe('order a copy of the medical record: citizen form', () => {
  it('is a valid definition', () => {
    expectValidDefinition(form);
  });

  it('accepts the whole record by post, a period, and certain parts for collection', () => {
    expectAccepted(form, { scope: 'whole', delivery: 'post' });
    expectAccepted(form, { scope: 'period', periodFrom: '2023-01-01', periodTo: '2025-05-12', delivery: 'post' });
    expectAccepted(form, { scope: 'parts', parts: 'Röntgensvar från mars 2024.', delivery: 'pick-up' });
  });

  it('requires both ends of a period, not in the future', () => {
    expect(refusalCodes(form, { scope: 'period', delivery: 'post' })).toEqual([
      'periodFrom:required',
      'periodTo:required',
    ]);
    const [future] = refusals(form, {
      scope: 'period',
      periodFrom: '2025-01-01',
      periodTo: '2025-05-13',
      delivery: 'post',
    });
    expect(future).toEqual({
      path: 'periodTo',
      code: 'date-too-late',
      message: {
        sv: 'Periodens slutdatum kan inte vara ett datum i framtiden.',
        en: 'The end date of the period cannot be a date in the future.',
      },
    });
  });

  it('requires a description of the parts, and a way to deliver', () => {
    expect(refusalCodes(form, { scope: 'parts' })).toEqual(['parts:required', 'delivery:required']);
  });

  it('refuses period dates when the whole record is ordered', () => {
    expect(refusalCodes(form, { scope: 'whole', periodFrom: '2024-01-01', delivery: 'post' })).toEqual([
      'periodFrom:not-applicable',
    ]);
  });

  it('refuses an answer to the information text', () => {
    expect(refusalCodes(form, { scope: 'whole', delivery: 'pick-up', pickUpInfo: 'ok' })).toEqual([
      'pickUpInfo:unknown-field',
    ]);
  });
});

describe('order a copy of the medical record: answer form', () => {
  const answerForm = buildOrderMedicalRecordCopyAnswerForm();

  it('is a valid definition', () => {
    expectValidDefinition(answerForm);
  });

  it('takes an outcome and a message', () => {
    expectAccepted(answerForm, { outcome: 'sent-by-post', message: 'Kopian är skickad.', citizenMayReply: false });
    expect(refusalCodes(answerForm, { outcome: 'lost', message: 'x', citizenMayReply: false })).toEqual([
      'outcome:not-an-option',
    ]);
  });
});
