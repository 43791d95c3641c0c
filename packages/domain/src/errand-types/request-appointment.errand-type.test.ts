import { describe, expect, it } from 'vitest';
import { expectAccepted, expectValidDefinition, refusalCodes, refusals } from './errand-type.test-support.ts';
import { buildRequestAppointmentAnswerForm, buildRequestAppointmentForm } from './request-appointment.errand-type.ts';

const plain = buildRequestAppointmentForm({ showUnsuitableDays: false });
const withDays = buildRequestAppointmentForm({ showUnsuitableDays: true });

describe('request appointment: citizen form', () => {
  it('is a valid definition with and without the days that do not suit', () => {
    expectValidDefinition(plain);
    expectValidDefinition(withDays);
  });

  it('requires the contact reason', () => {
    expect(refusals(plain, { contactReason: '   ' })).toEqual([
      {
        path: 'contactReason',
        code: 'required',
        message: { sv: 'Fyll i kontaktorsak.', en: 'Fill in the reason for contact.' },
      },
    ]);
  });

  it('accepts a reason with wishes', () => {
    expect(
      expectAccepted(plain, {
        contactReason: 'Ont i knät sedan två veckor.',
        preferredCaregiver: 'Dr Berg',
        preferredTimesOfDay: ['afternoon', 'morning'],
        wishes: 'Gärna efter 15.',
      }),
    ).toMatchObject({ preferredTimesOfDay: ['morning', 'afternoon'] });
  });

  it('refuses a time of day that is not offered', () => {
    expect(refusalCodes(plain, { contactReason: 'x', preferredTimesOfDay: ['evening'] })).toEqual([
      'preferredTimesOfDay:not-an-option',
    ]);
  });

  it('takes days that do not suit when the unit has turned the field on', () => {
    const answers = { contactReason: 'x', unsuitableWeekdays: ['wednesday'], unsuitableDates: ['2025-05-13'] };
    expectAccepted(withDays, answers);
    expect(refusalCodes(plain, answers)).toEqual(['unsuitableWeekdays:unknown-field', 'unsuitableDates:unknown-field']);
    expect(refusalCodes(withDays, { ...answers, unsuitableDates: ['2025-05-01'] })).toEqual([
      'unsuitableDates:date-too-early',
    ]);
  });
});

describe('request appointment: answer form', () => {
  const answerForm = buildRequestAppointmentAnswerForm();

  it('is a valid definition', () => {
    expectValidDefinition(answerForm);
  });

  it('requires a proposed date, time and place for a booked appointment', () => {
    expect(
      refusalCodes(answerForm, { outcome: 'appointment-booked', message: 'Välkommen.', citizenMayReply: false }),
    ).toEqual(['proposedDate:required', 'proposedTime:required', 'place:required']);
    expect(
      expectAccepted(answerForm, {
        outcome: 'appointment-booked',
        proposedDate: '2025-05-12',
        proposedTime: '8.00',
        place: 'Vårdcentralen',
        caregiver: 'Sjuksköterska Lind',
        message: 'Välkommen.',
        citizenMayReply: false,
      }),
    ).toMatchObject({ proposedTime: '08:00' });
  });

  it('answers without a time when none is booked', () => {
    expectAccepted(answerForm, { outcome: 'no-appointment', message: 'Ring 1177 vid behov.', citizenMayReply: true });
  });
});
