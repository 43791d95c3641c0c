import { Type } from 'typebox';
import type { FieldCondition, FormDefinition } from '../forms/form-definition.schema.ts';
import { type BaseErrandType, localizedText as t } from './errand-type.ts';
import { answerClosingFields, otherInformationField, outcomeField } from './shared-fields.ts';

export const OrderMedicalRecordCopyOptionsSchema = Type.Object({}, { additionalProperties: false });

const forPeriod: FieldCondition = { kind: 'has-value', field: 'scope', value: 'period' };
const NOT_IN_THE_FUTURE = { daysFromToday: 0 };

export function buildOrderMedicalRecordCopyForm(): FormDefinition {
  return {
    formatVersion: 1,
    fields: [
      {
        kind: 'single-choice',
        key: 'scope',
        label: t('Vad vill du ha en kopia av?', 'What would you like a copy of?'),
        messageName: t('vad du vill ha en kopia av', 'what you would like a copy of'),
        required: true,
        display: 'radio',
        options: [
          { value: 'whole', label: t('Hela journalen', 'The whole record') },
          { value: 'period', label: t('Anteckningar från en viss period', 'Notes from a certain period') },
          { value: 'parts', label: t('Vissa delar av journalen', 'Certain parts of the record') },
        ],
      },
      {
        kind: 'date',
        key: 'periodFrom',
        label: t('Från och med', 'From'),
        messageName: t('periodens startdatum', 'the start date of the period'),
        required: true,
        latest: NOT_IN_THE_FUTURE,
        condition: forPeriod,
      },
      {
        kind: 'date',
        key: 'periodTo',
        label: t('Till och med', 'To'),
        messageName: t('periodens slutdatum', 'the end date of the period'),
        required: true,
        latest: NOT_IN_THE_FUTURE,
        condition: forPeriod,
      },
      {
        kind: 'long-text',
        key: 'parts',
        label: t('Vilka delar vill du ha?', 'Which parts would you like?'),
        help: t(
          'Till exempel provsvar, röntgensvar eller anteckningar från ett visst besök.',
          'For example test results, X-ray reports or notes from a particular visit.',
        ),
        messageName: t('vilka delar du vill ha', 'which parts you would like'),
        required: true,
        maxLength: 2000,
        condition: { kind: 'has-value', field: 'scope', value: 'parts' },
      },
      {
        kind: 'single-choice',
        key: 'delivery',
        label: t('Hur vill du få kopian?', 'How would you like to receive the copy?'),
        messageName: t('hur du vill få kopian', 'how you would like to receive the copy'),
        required: true,
        display: 'radio',
        options: [
          { value: 'post', label: t('Med post till min folkbokföringsadress', 'By post to my registered address') },
          { value: 'pick-up', label: t('Jag hämtar den på mottagningen', 'I will collect it at the clinic') },
        ],
      },
      {
        kind: 'info',
        key: 'pickUpInfo',
        text: t(
          'Ta med giltig legitimation när du hämtar kopian.',
          'Bring valid identification when you collect the copy.',
        ),
        condition: { kind: 'has-value', field: 'delivery', value: 'pick-up' },
      },
      otherInformationField(),
    ],
  };
}

export function buildOrderMedicalRecordCopyAnswerForm(): FormDefinition {
  return {
    formatVersion: 1,
    fields: [
      outcomeField([
        { value: 'sent-by-post', label: t('Kopian är skickad med post', 'The copy has been sent by post') },
        { value: 'ready-for-pick-up', label: t('Kopian finns att hämta', 'The copy is ready to collect') },
        { value: 'partly-released', label: t('En del av journalen lämnas ut', 'Part of the record is released') },
        { value: 'declined', label: t('Kopian kan inte lämnas ut', 'The copy cannot be released') },
      ]),
      ...answerClosingFields(),
    ],
  };
}

export const orderMedicalRecordCopyErrandType: BaseErrandType<
  typeof OrderMedicalRecordCopyOptionsSchema,
  'order-medical-record-copy'
> = {
  id: 'order-medical-record-copy',
  name: t('Beställa journalkopia', 'Order a copy of your medical record'),
  description: t(
    'Beställ en kopia av hela eller delar av din journal.',
    'Order a copy of all or part of your medical record.',
  ),
  optionsSchema: OrderMedicalRecordCopyOptionsSchema,
  buildCitizenForm: buildOrderMedicalRecordCopyForm,
  buildAnswerForm: buildOrderMedicalRecordCopyAnswerForm,
};
