import { describe, expect, it } from 'vitest';
import {
  buildCancelOrRescheduleAppointmentAnswerForm,
  buildCancelOrRescheduleAppointmentForm,
} from './cancel-or-reschedule-appointment.errand-type.ts';
import { expectAccepted, expectValidDefinition, refusalCodes, refusals } from './errand-type.test-support.ts';

const plain = buildCancelOrRescheduleAppointmentForm({ showUnsuitableDays: false });
const withDays = buildCancelOrRescheduleAppointmentForm({ showUnsuitableDays: true });

describe('cancel or reschedule appointment: citizen form', () => {
  it('is a valid definition with and without the days that do not suit', () => {
    expectValidDefinition(plain);
    expectValidDefinition(withDays);
  });

  it('accepts a cancellation and a request for a new time', () => {
    expectAccepted(plain, { appointmentDate: '2025-05-14', appointmentTime: '9:30', action: 'cancel' });
    expectAccepted(plain, { appointmentDate: '2025-05-14', action: 'reschedule', newTimeWishes: 'Helst eftermiddag.' });
  });

  it('asks for the date and what to do', () => {
    expect(refusals(plain, {}).map((error) => error.message.sv)).toEqual([
      'Fyll i datum för tiden du har.',
      'Välj om du vill avboka eller boka om.',
    ]);
  });

  it('refuses an appointment that has already passed', () => {
    expect(refusals(plain, { appointmentDate: '2025-05-11', action: 'cancel' })).toEqual([
      {
        path: 'appointmentDate',
        code: 'date-too-early',
        message: {
          sv: 'Datum för tiden du har kan inte vara ett datum som redan har passerat.',
          en: 'The date of your appointment cannot be a date that has already passed.',
        },
      },
    ]);
  });

  it('refuses wishes for a new time when cancelling', () => {
    expect(refusalCodes(plain, { appointmentDate: '2025-05-14', action: 'cancel', newTimeWishes: 'x' })).toEqual([
      'newTimeWishes:not-applicable',
    ]);
  });

  it('asks for days that do not suit only when the unit has turned the field on, and only for a new time', () => {
    const answers = { appointmentDate: '2025-05-14', action: 'reschedule', unsuitableWeekdays: ['friday', 'monday'] };
    expect(refusalCodes(plain, answers)).toEqual(['unsuitableWeekdays:unknown-field']);
    expect(expectAccepted(withDays, { ...answers, unsuitableDates: ['2025-05-30'] })).toMatchObject({
      unsuitableWeekdays: ['monday', 'friday'],
      unsuitableDates: ['2025-05-30'],
    });
    expect(refusalCodes(withDays, { ...answers, action: 'cancel' })).toEqual(['unsuitableWeekdays:not-applicable']);
    expect(refusalCodes(withDays, { ...answers, unsuitableWeekdays: ['sunday'] })).toEqual([
      'unsuitableWeekdays:not-an-option',
    ]);
  });
});

describe('cancel or reschedule appointment: answer form', () => {
  const answerForm = buildCancelOrRescheduleAppointmentAnswerForm();

  it('is a valid definition', () => {
    expectValidDefinition(answerForm);
  });

  it('proposes a date, time, place and caregiver for a new time', () => {
    const proposal = { proposedDate: '2025-05-21', proposedTime: '13:15', place: 'Mottagningen, plan 3' };
    expectAccepted(answerForm, { outcome: 'rescheduled', ...proposal, message: 'Ny tid.', citizenMayReply: true });
    expect(
      refusalCodes(answerForm, { outcome: 'cancelled', ...proposal, message: 'Avbokad.', citizenMayReply: false }),
    ).toEqual(['proposedDate:not-applicable', 'proposedTime:not-applicable', 'place:not-applicable']);
  });
});
