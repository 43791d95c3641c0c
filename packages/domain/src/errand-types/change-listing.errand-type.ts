import { Type } from 'typebox';
import type { FieldCondition, FormDefinition } from '../forms/form-definition.schema.ts';
import { type BaseErrandType, localizedText as t } from './errand-type.ts';
import { answerClosingFields, outcomeField } from './shared-fields.ts';

export const ChangeListingOptionsSchema = Type.Object({}, { additionalProperties: false });

const listHere: FieldCondition = { kind: 'has-value', field: 'change', value: 'unit' };
const newDoctor: FieldCondition = { kind: 'has-value', field: 'change', value: 'doctor' };

export function buildChangeListingForm(): FormDefinition {
  return {
    formatVersion: 1,
    fields: [
      {
        kind: 'single-choice',
        key: 'change',
        label: t('Vad vill du ändra?', 'What would you like to change?'),
        messageName: t('vad du vill ändra', 'what you would like to change'),
        required: true,
        display: 'radio',
        options: [
          {
            value: 'unit',
            label: t('Jag vill lista mig på den här mottagningen', 'I want to be listed at this clinic'),
          },
          { value: 'doctor', label: t('Jag vill byta fast läkare här', 'I want to change my regular doctor here') },
        ],
      },
      {
        kind: 'short-text',
        key: 'currentUnit',
        label: t('Var är du listad i dag?', 'Where are you listed today?'),
        messageName: t('var du är listad i dag', 'where you are listed today'),
        maxLength: 200,
        condition: listHere,
      },
      {
        kind: 'short-text',
        key: 'preferredDoctor',
        label: t('Önskad fast läkare', 'Preferred regular doctor'),
        help: t('Om du vill ha en särskild läkare.', 'If you would like a particular doctor.'),
        maxLength: 200,
        condition: listHere,
      },
      {
        kind: 'short-text',
        key: 'newDoctor',
        label: t('Vilken läkare vill du ha?', 'Which doctor would you like?'),
        messageName: t('vilken läkare du vill ha', 'which doctor you would like'),
        required: true,
        maxLength: 200,
        condition: newDoctor,
      },
      {
        kind: 'long-text',
        key: 'reason',
        label: t('Anledning', 'Reason'),
        help: t('Du behöver inte ange någon anledning.', 'You do not have to give a reason.'),
        messageName: t('anledningen', 'the reason'),
        maxLength: 1000,
      },
    ],
  };
}

const done: FieldCondition = { kind: 'has-value', field: 'outcome', value: 'done' };

export function buildChangeListingAnswerForm(): FormDefinition {
  return {
    formatVersion: 1,
    fields: [
      outcomeField([
        { value: 'done', label: t('Ändringen är genomförd', 'The change has been made') },
        { value: 'not-possible', label: t('Ändringen kan inte genomföras', 'The change cannot be made') },
      ]),
      {
        kind: 'date',
        key: 'effectiveFrom',
        label: t('Gäller från och med', 'Effective from'),
        messageName: t('datum då ändringen börjar gälla', 'the date the change takes effect'),
        condition: done,
      },
      {
        kind: 'short-text',
        key: 'assignedDoctor',
        label: t('Fast läkare', 'Regular doctor'),
        maxLength: 200,
        condition: done,
      },
      ...answerClosingFields(),
    ],
  };
}

export const changeListingErrandType: BaseErrandType<typeof ChangeListingOptionsSchema, 'change-listing'> = {
  id: 'change-listing',
  name: t('Lista om', 'Change listing'),
  description: t(
    'Lista dig på mottagningen eller byt fast läkare.',
    'Get listed at the clinic or change your regular doctor.',
  ),
  optionsSchema: ChangeListingOptionsSchema,
  buildCitizenForm: buildChangeListingForm,
  buildAnswerForm: buildChangeListingAnswerForm,
};
