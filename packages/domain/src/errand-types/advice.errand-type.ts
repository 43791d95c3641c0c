import { type Static, Type } from 'typebox';
import type { FormDefinition, FormField } from '../forms/form-definition.schema.ts';
import { type BaseErrandType, localizedText as t } from './errand-type.ts';
import { answerClosingFields } from './shared-fields.ts';

export const AdviceOptionsSchema = Type.Object(
  {
    /** Ask whether the citizen has been in contact about this before, and with whom. */
    askForEarlierCaregiver: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
);
export type AdviceOptions = Static<typeof AdviceOptionsSchema>;

function earlierCaregiverFields(): FormField[] {
  return [
    {
      kind: 'yes-no',
      key: 'hasEarlierContact',
      label: t('Har du haft kontakt med oss tidigare om detta?', 'Have you been in contact with us about this before?'),
      messageName: t('om du har haft kontakt med oss tidigare', 'whether you have been in contact with us before'),
    },
    {
      kind: 'short-text',
      key: 'earlierCaregiver',
      label: t('Vem hade du kontakt med?', 'Whom were you in contact with?'),
      help: t('Om du vill att samma person svarar.', 'If you would like the same person to answer.'),
      messageName: t('vem du hade kontakt med', 'whom you were in contact with'),
      maxLength: 200,
      condition: { kind: 'has-value', field: 'hasEarlierContact', value: true },
    },
  ];
}

export function buildAdviceForm(options: AdviceOptions): FormDefinition {
  return {
    formatVersion: 1,
    fields: [
      {
        kind: 'long-text',
        key: 'question',
        label: t('Din fråga', 'Your question'),
        help: t(
          'Beskriv dina besvär och vad du vill ha råd om.',
          'Describe your symptoms and what you would like advice about.',
        ),
        messageName: t('din fråga', 'your question'),
        required: true,
        maxLength: 3000,
      },
      ...(options.askForEarlierCaregiver ? earlierCaregiverFields() : []),
    ],
  };
}

export function buildAdviceAnswerForm(): FormDefinition {
  return { formatVersion: 1, fields: answerClosingFields() };
}

export const adviceErrandType: BaseErrandType<typeof AdviceOptionsSchema, 'advice'> = {
  id: 'advice',
  name: t('Rådgivning', 'Advice'),
  description: t('Få råd om dina besvär av vårdpersonal.', 'Get advice about your symptoms from care staff.'),
  optionsSchema: AdviceOptionsSchema,
  buildCitizenForm: buildAdviceForm,
  buildAnswerForm: buildAdviceAnswerForm,
};
