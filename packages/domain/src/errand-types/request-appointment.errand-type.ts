import { type Static, Type } from 'typebox';
import type { FormDefinition } from '../forms/form-definition.schema.ts';
import { type BaseErrandType, localizedText as t } from './errand-type.ts';
import { answerClosingFields, appointmentProposalFields, outcomeField, unsuitableDaysFields } from './shared-fields.ts';

export const RequestAppointmentOptionsSchema = Type.Object(
  {
    /** Show the "days that do not suit" fields. */
    showUnsuitableDays: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
);
export type RequestAppointmentOptions = Static<typeof RequestAppointmentOptionsSchema>;

export function buildRequestAppointmentForm(options: RequestAppointmentOptions): FormDefinition {
  return {
    formatVersion: 1,
    fields: [
      {
        kind: 'long-text',
        key: 'contactReason',
        label: t('Kontaktorsak', 'Reason for contact'),
        help: t('Beskriv kort varför du vill ha en tid.', 'Describe briefly why you would like an appointment.'),
        messageName: t('kontaktorsak', 'the reason for contact'),
        required: true,
        maxLength: 2000,
      },
      {
        kind: 'short-text',
        key: 'preferredCaregiver',
        label: t('Önskad vårdgivare', 'Preferred caregiver'),
        help: t('Om du vill träffa någon särskild.', 'If you would like to see someone in particular.'),
        maxLength: 200,
      },
      {
        kind: 'multiple-choice',
        key: 'preferredTimesOfDay',
        label: t('När på dagen passar det bäst?', 'What time of day suits you best?'),
        messageName: t('tid på dagen', 'a time of day'),
        options: [
          { value: 'morning', label: t('Förmiddag', 'Morning') },
          { value: 'afternoon', label: t('Eftermiddag', 'Afternoon') },
        ],
      },
      ...(options.showUnsuitableDays ? unsuitableDaysFields() : []),
      {
        kind: 'long-text',
        key: 'wishes',
        label: t('Övriga önskemål', 'Other wishes'),
        messageName: t('övriga önskemål', 'other wishes'),
        maxLength: 1000,
      },
    ],
  };
}

export function buildRequestAppointmentAnswerForm(): FormDefinition {
  return {
    formatVersion: 1,
    fields: [
      outcomeField([
        { value: 'appointment-booked', label: t('En tid är bokad', 'An appointment is booked') },
        { value: 'will-call', label: t('Vi ringer upp dig', 'We will call you') },
        { value: 'no-appointment', label: t('Ingen tid bokas', 'No appointment is booked') },
      ]),
      ...appointmentProposalFields({ kind: 'has-value', field: 'outcome', value: 'appointment-booked' }),
      ...answerClosingFields(),
    ],
  };
}

export const requestAppointmentErrandType: BaseErrandType<
  typeof RequestAppointmentOptionsSchema,
  'request-appointment'
> = {
  id: 'request-appointment',
  name: t('Beställa tid', 'Request an appointment'),
  description: t(
    'Be om en tid. Mottagningen återkommer med ett förslag.',
    'Ask for an appointment. The clinic will get back to you with a proposal.',
  ),
  optionsSchema: RequestAppointmentOptionsSchema,
  buildCitizenForm: buildRequestAppointmentForm,
  buildAnswerForm: buildRequestAppointmentAnswerForm,
};
