import { Type } from 'typebox';
import type { FieldCondition, FormDefinition } from '../forms/form-definition.schema.ts';
import { type BaseErrandType, localizedText as t } from './errand-type.ts';
import { answerClosingFields, outcomeField } from './shared-fields.ts';

export const ContactMeOptionsSchema = Type.Object({}, { additionalProperties: false });

const byPhone: FieldCondition = { kind: 'has-value', field: 'contactMethod', value: 'phone' };

export function buildContactMeForm(): FormDefinition {
  return {
    formatVersion: 1,
    fields: [
      {
        kind: 'long-text',
        key: 'reason',
        label: t('Vad gäller det?', 'What is it about?'),
        messageName: t('vad det gäller', 'what it is about'),
        required: true,
        maxLength: 2000,
      },
      {
        kind: 'single-choice',
        key: 'whom',
        label: t('Vem vill du bli kontaktad av?', 'Who would you like to be contacted by?'),
        messageName: t('vem du vill bli kontaktad av', 'who you would like to be contacted by'),
        required: true,
        options: [
          { value: 'doctor', label: t('Läkare', 'Doctor') },
          { value: 'nurse', label: t('Sjuksköterska', 'Nurse') },
          { value: 'other-staff', label: t('Annan personal', 'Other staff') },
          { value: 'anyone', label: t('Spelar ingen roll', 'No preference') },
        ],
      },
      {
        kind: 'short-text',
        key: 'whomName',
        label: t('Namn på den du vill prata med', 'Name of the person you would like to talk to'),
        help: t('Om du vet vem du vill prata med.', 'If you know whom you would like to talk to.'),
        maxLength: 200,
      },
      {
        kind: 'single-choice',
        key: 'contactMethod',
        label: t('Hur vill du bli kontaktad?', 'How would you like to be contacted?'),
        messageName: t('hur du vill bli kontaktad', 'how you would like to be contacted'),
        required: true,
        display: 'radio',
        options: [
          { value: 'phone', label: t('Per telefon', 'By phone') },
          { value: 'message', label: t('Med ett meddelande här', 'By a message here') },
        ],
      },
      {
        kind: 'phone',
        key: 'phoneNumber',
        label: t('Telefonnummer', 'Phone number'),
        messageName: t('telefonnumret', 'the phone number'),
        required: true,
        condition: byPhone,
      },
      {
        kind: 'weekdays',
        key: 'reachableDays',
        label: t('Vilka dagar kan vi nå dig?', 'Which days can we reach you?'),
        messageName: t('vilka dagar vi kan nå dig', 'which days we can reach you'),
        condition: byPhone,
      },
      {
        kind: 'multiple-choice',
        key: 'reachableTimes',
        label: t('Vilka tider kan vi nå dig?', 'At what times can we reach you?'),
        messageName: t('vilka tider vi kan nå dig', 'what times we can reach you'),
        options: [
          { value: 'morning', label: t('Förmiddag, 8–12', 'Morning, 8–12') },
          { value: 'afternoon', label: t('Eftermiddag, 12–17', 'Afternoon, 12–17') },
        ],
        condition: byPhone,
      },
    ],
  };
}

const callPlanned: FieldCondition = { kind: 'has-value', field: 'outcome', value: 'call-planned' };

export function buildContactMeAnswerForm(): FormDefinition {
  return {
    formatVersion: 1,
    fields: [
      outcomeField([
        { value: 'call-planned', label: t('Vi ringer upp dig', 'We will call you') },
        { value: 'answered', label: t('Svaret finns i meddelandet', 'The answer is in the message') },
        { value: 'referred', label: t('Du hänvisas till en annan mottagning', 'You are referred to another clinic') },
      ]),
      {
        kind: 'date',
        key: 'plannedCallDate',
        label: t('Datum för samtalet', 'Date of the call'),
        messageName: t('datum för samtalet', 'the date of the call'),
        required: true,
        earliest: { daysFromToday: 0 },
        condition: callPlanned,
      },
      {
        kind: 'time',
        key: 'plannedCallTime',
        label: t('Ungefärlig tid', 'Approximate time'),
        messageName: t('tid för samtalet', 'the time of the call'),
        condition: callPlanned,
      },
      ...answerClosingFields(),
    ],
  };
}

export const contactMeErrandType: BaseErrandType<typeof ContactMeOptionsSchema, 'contact-me'> = {
  id: 'contact-me',
  name: t('Kontakta mig', 'Contact me'),
  description: t(
    'Be mottagningen att kontakta dig per telefon eller med ett meddelande.',
    'Ask the clinic to contact you by phone or by message.',
  ),
  optionsSchema: ContactMeOptionsSchema,
  buildCitizenForm: buildContactMeForm,
  buildAnswerForm: buildContactMeAnswerForm,
};
