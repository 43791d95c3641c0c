import { describe, expect, it } from 'vitest';
import { buildContactMeAnswerForm, buildContactMeForm } from './contact-me.errand-type.ts';
import { expectAccepted, expectValidDefinition, refusalCodes, refusals } from './errand-type.test-support.ts';

const form = buildContactMeForm();

describe('contact me: citizen form', () => {
  it('is a valid definition', () => {
    expectValidDefinition(form);
  });

  it('accepts a call request with a number and when to reach the citizen', () => {
    const accepted = expectAccepted(form, {
      reason: 'Frågor om mitt provsvar.',
      whom: 'doctor',
      whomName: 'Dr Berg',
      contactMethod: 'phone',
      phoneNumber: '+46 (0)70-123 45 67',
      reachableDays: ['thursday', 'tuesday'],
      reachableTimes: ['morning'],
    });
    expect(accepted).toMatchObject({ phoneNumber: '+46701234567', reachableDays: ['tuesday', 'thursday'] });
  });

  it('accepts a request to be contacted by message, without a number', () => {
    expectAccepted(form, { reason: 'Fråga om remiss.', whom: 'anyone', contactMethod: 'message' });
  });

  it('requires a phone number for a call, and refuses one that is not a number', () => {
    const call = { reason: 'x', whom: 'nurse', contactMethod: 'phone' };
    expect(refusalCodes(form, call)).toEqual(['phoneNumber:required']);
    expect(refusals(form, { ...call, phoneNumber: '123' })).toEqual([
      {
        path: 'phoneNumber',
        code: 'invalid-phone',
        message: {
          sv: 'Kontrollera telefonnumret. Skriv till exempel 070-123 45 67 eller +46 70 123 45 67.',
          en: 'Check the phone number. Write it like 070-123 45 67 or +46 70 123 45 67.',
        },
      },
    ]);
  });

  it('refuses a phone number and call times when contact is by message, and weekend days', () => {
    const byMessage = { reason: 'x', whom: 'nurse', contactMethod: 'message', phoneNumber: '0701234567' };
    expect(refusalCodes(form, byMessage)).toEqual(['phoneNumber:not-applicable']);
    const call = { reason: 'x', whom: 'nurse', contactMethod: 'phone', phoneNumber: '0701234567' };
    expect(refusalCodes(form, { ...call, reachableDays: ['saturday'] })).toEqual(['reachableDays:not-an-option']);
  });
});

describe('contact me: answer form', () => {
  const answerForm = buildContactMeAnswerForm();

  it('is a valid definition', () => {
    expectValidDefinition(answerForm);
  });

  it('requires the date of a planned call', () => {
    const closing = { message: 'Vi ringer dig.', citizenMayReply: false };
    expect(refusalCodes(answerForm, { outcome: 'call-planned', ...closing })).toEqual(['plannedCallDate:required']);
    expectAccepted(answerForm, {
      outcome: 'call-planned',
      plannedCallDate: '2025-05-13',
      plannedCallTime: '10:00',
      ...closing,
    });
  });
});
