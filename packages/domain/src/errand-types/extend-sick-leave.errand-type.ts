import { Type } from 'typebox';
import type { ChoiceOption, FieldCondition, FormDefinition } from '../forms/form-definition.schema.ts';
import { type BaseErrandType, localizedText as t } from './errand-type.ts';
import {
  answerClosingFields,
  appointmentProposalFields,
  otherInformationField,
  outcomeField,
} from './shared-fields.ts';

export const ExtendSickLeaveOptionsSchema = Type.Object({}, { additionalProperties: false });

// The degrees of sick leave that Försäkringskassan pays sickness benefit for.
const SICK_LEAVE_DEGREES: ChoiceOption[] = [
  { value: '25', label: t('25 procent', '25 per cent') },
  { value: '50', label: t('50 procent', '50 per cent') },
  { value: '75', label: t('75 procent', '75 per cent') },
  { value: '100', label: t('Heltid, 100 procent', 'Full time, 100 per cent') },
];

export function buildExtendSickLeaveForm(): FormDefinition {
  return {
    formatVersion: 1,
    fields: [
      {
        kind: 'date',
        key: 'currentSickLeaveUntil',
        label: t('Till och med vilket datum är du sjukskriven nu?', 'Until which date are you on sick leave now?'),
        messageName: t('slutdatum för din nuvarande sjukskrivning', 'the end date of your current sick leave'),
        required: true,
      },
      {
        kind: 'single-choice',
        key: 'currentDegree',
        label: t(
          'Hur stor del av din arbetstid är du sjukskriven?',
          'How much of your working time are you on sick leave?',
        ),
        messageName: t('hur stor del du är sjukskriven', 'how much of your working time you are on sick leave'),
        // Word for word it would read "av invånarens arbetstid är invånaren"; said once for staff.
        staffLabel: t(
          'Hur stor del av sin arbetstid är invånaren sjukskriven?',
          'How much of their working time is the citizen on sick leave?',
        ),
        required: true,
        display: 'radio',
        options: SICK_LEAVE_DEGREES,
      },
      {
        kind: 'short-text',
        key: 'currentCertificateIssuer',
        label: t('Vem skrev ditt nuvarande läkarintyg?', 'Who wrote your current medical certificate?'),
        messageName: t('vem som skrev ditt nuvarande läkarintyg', 'who wrote your current medical certificate'),
        maxLength: 200,
      },
      {
        kind: 'long-text',
        key: 'reason',
        label: t('Varför behöver sjukskrivningen förlängas?', 'Why does the sick leave need to be extended?'),
        help: t(
          'Beskriv hur du mår och hur det påverkar din förmåga att arbeta.',
          'Describe how you feel and how it affects your ability to work.',
        ),
        messageName: t('varför sjukskrivningen behöver förlängas', 'why the sick leave needs to be extended'),
        required: true,
        maxLength: 3000,
      },
      {
        kind: 'yes-no',
        key: 'awaitingMeasure',
        label: t(
          'Väntar du på någon åtgärd, till exempel en operation, behandling eller undersökning?',
          'Are you waiting for anything, such as an operation, treatment or examination?',
        ),
        messageName: t('om du väntar på någon åtgärd', 'whether you are waiting for anything'),
        required: true,
      },
      {
        kind: 'long-text',
        key: 'awaitedMeasure',
        label: t('Vad väntar du på?', 'What are you waiting for?'),
        messageName: t('vad du väntar på', 'what you are waiting for'),
        required: true,
        maxLength: 1000,
        condition: { kind: 'has-value', field: 'awaitingMeasure', value: true },
      },
      otherInformationField(),
    ],
  };
}

const isExtended: FieldCondition = { kind: 'has-value', field: 'outcome', value: 'extended' };

export function buildExtendSickLeaveAnswerForm(): FormDefinition {
  return {
    formatVersion: 1,
    fields: [
      outcomeField([
        { value: 'extended', label: t('Sjukskrivningen förlängs', 'The sick leave is extended') },
        { value: 'appointment-needed', label: t('Du behöver komma på ett besök', 'You need to come for a visit') },
        { value: 'not-extended', label: t('Sjukskrivningen förlängs inte', 'The sick leave is not extended') },
      ]),
      {
        kind: 'date',
        key: 'extendedUntil',
        label: t('Förlängd till och med', 'Extended until'),
        messageName: t('slutdatum för förlängningen', 'the end date of the extension'),
        required: true,
        earliest: { daysFromToday: 0 },
        condition: isExtended,
      },
      {
        kind: 'single-choice',
        key: 'extendedDegree',
        label: t('Omfattning', 'Extent'),
        messageName: t('omfattning', 'the extent'),
        required: true,
        options: SICK_LEAVE_DEGREES,
        condition: isExtended,
      },
      ...appointmentProposalFields({ kind: 'has-value', field: 'outcome', value: 'appointment-needed' }),
      ...answerClosingFields(),
    ],
  };
}

export const extendSickLeaveErrandType: BaseErrandType<typeof ExtendSickLeaveOptionsSchema, 'extend-sick-leave'> = {
  id: 'extend-sick-leave',
  name: t('Förlänga sjukskrivning', 'Extend sick leave'),
  description: t('Be om att din sjukskrivning förlängs.', 'Ask for your sick leave to be extended.'),
  optionsSchema: ExtendSickLeaveOptionsSchema,
  buildCitizenForm: buildExtendSickLeaveForm,
  buildAnswerForm: buildExtendSickLeaveAnswerForm,
};
