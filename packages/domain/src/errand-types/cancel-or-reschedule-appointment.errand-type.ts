import { type Static, Type } from 'typebox';
import type { FieldCondition, FormDefinition } from '../forms/form-definition.schema.ts';
import { type BaseErrandType, localizedText as t } from './errand-type.ts';
import {
  answerClosingFields,
  appointmentProposalFields,
  otherInformationField,
  outcomeField,
  unsuitableDaysFields,
} from './shared-fields.ts';

export const CancelOrRescheduleAppointmentOptionsSchema = Type.Object(
  {
    /** Show the "days that do not suit" fields when the citizen wants a new time. */
    showUnsuitableDays: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
);
export type CancelOrRescheduleAppointmentOptions = Static<typeof CancelOrRescheduleAppointmentOptionsSchema>;

const wantsNewTime: FieldCondition = { kind: 'has-value', field: 'action', value: 'reschedule' };

export function buildCancelOrRescheduleAppointmentForm(options: CancelOrRescheduleAppointmentOptions): FormDefinition {
  return {
    formatVersion: 1,
    fields: [
      {
        kind: 'date',
        key: 'appointmentDate',
        label: t('Datum för tiden du har', 'Date of your appointment'),
        messageName: t('datum för tiden du har', 'the date of your appointment'),
        required: true,
        earliest: { daysFromToday: 0 },
      },
      {
        kind: 'time',
        key: 'appointmentTime',
        label: t('Klockslag', 'Time'),
        messageName: t('klockslag', 'the time'),
      },
      {
        kind: 'short-text',
        key: 'appointmentWith',
        label: t('Vem ska du träffa?', 'Whom are you seeing?'),
        help: t(
          'Till exempel namn på vårdgivaren eller mottagningen.',
          'For example the name of the caregiver or clinic.',
        ),
        messageName: t('vem du ska träffa', 'whom you are seeing'),
        maxLength: 200,
      },
      {
        kind: 'single-choice',
        key: 'action',
        label: t('Vad vill du göra?', 'What would you like to do?'),
        messageName: t('om du vill avboka eller boka om', 'whether you want to cancel or reschedule'),
        required: true,
        display: 'radio',
        options: [
          { value: 'cancel', label: t('Avboka tiden', 'Cancel the appointment') },
          { value: 'reschedule', label: t('Boka om till en ny tid', 'Reschedule to a new time') },
        ],
      },
      {
        kind: 'long-text',
        key: 'newTimeWishes',
        label: t('Önskemål om ny tid', 'Wishes for the new time'),
        help: t(
          'Till exempel vilka tider på dagen som passar dig bäst.',
          'For example which times of day suit you best.',
        ),
        messageName: t('önskemål om ny tid', 'wishes for the new time'),
        maxLength: 1000,
        condition: wantsNewTime,
      },
      ...(options.showUnsuitableDays ? unsuitableDaysFields(wantsNewTime) : []),
      otherInformationField(),
    ],
  };
}

export function buildCancelOrRescheduleAppointmentAnswerForm(): FormDefinition {
  return {
    formatVersion: 1,
    fields: [
      outcomeField([
        { value: 'cancelled', label: t('Tiden är avbokad', 'The appointment is cancelled') },
        { value: 'rescheduled', label: t('En ny tid föreslås', 'A new time is proposed') },
        { value: 'not-changed', label: t('Tiden kunde inte ändras', 'The appointment could not be changed') },
      ]),
      ...appointmentProposalFields({ kind: 'has-value', field: 'outcome', value: 'rescheduled' }),
      ...answerClosingFields(),
    ],
  };
}

export const cancelOrRescheduleAppointmentErrandType: BaseErrandType<
  typeof CancelOrRescheduleAppointmentOptionsSchema,
  'cancel-or-reschedule-appointment'
> = {
  id: 'cancel-or-reschedule-appointment',
  name: t('Av- eller omboka tid', 'Cancel or reschedule an appointment'),
  description: t(
    'Avboka en tid du har eller be om en ny tid.',
    'Cancel an appointment you have or ask for a new time.',
  ),
  optionsSchema: CancelOrRescheduleAppointmentOptionsSchema,
  buildCitizenForm: buildCancelOrRescheduleAppointmentForm,
  buildAnswerForm: buildCancelOrRescheduleAppointmentAnswerForm,
};
