import { type Static, Type } from 'typebox';
import type { FormDefinition, ItemNoun } from '../forms/form-definition.schema.ts';
import { type BaseErrandType, localizedText as t } from './errand-type.ts';
import { answerClosingFields, perItemDecisionGroup } from './shared-fields.ts';

export const RenewPrescriptionOptionsSchema = Type.Object(
  {
    /** Show a free-text field for further information after the medicines. */
    showFurtherInformation: Type.Boolean({ default: true }),
  },
  { additionalProperties: false },
);
export type RenewPrescriptionOptions = Static<typeof RenewPrescriptionOptionsSchema>;

/** One form renews at most this many medicines; more go in another errand. */
export const MAX_MEDICINES_PER_ERRAND = 10;

const MEDICINE: ItemNoun = { one: t('läkemedel', 'medicine'), other: t('läkemedel', 'medicines') };

export function buildRenewPrescriptionForm(options: RenewPrescriptionOptions): FormDefinition {
  return {
    formatVersion: 1,
    fields: [
      {
        kind: 'group',
        key: 'medicines',
        label: t('Läkemedel som du vill förnya', 'Medicines you would like to renew'),
        help: t(
          `Du kan förnya upp till ${MAX_MEDICINES_PER_ERRAND} läkemedel i samma ärende.`,
          `You can renew up to ${MAX_MEDICINES_PER_ERRAND} medicines in the same errand.`,
        ),
        itemNoun: MEDICINE,
        minItems: 1,
        maxItems: MAX_MEDICINES_PER_ERRAND,
        fields: [
          {
            kind: 'short-text',
            key: 'name',
            label: t('Läkemedlets namn', 'Name of the medicine'),
            messageName: t('läkemedlets namn', 'the name of the medicine'),
            required: true,
            maxLength: 200,
          },
          {
            kind: 'short-text',
            key: 'strength',
            label: t('Styrka', 'Strength'),
            help: t('Till exempel 500 mg, om du vet.', 'For example 500 mg, if you know.'),
            messageName: t('styrka', 'the strength'),
            maxLength: 100,
          },
          {
            kind: 'short-text',
            key: 'dosage',
            label: t('Dosering', 'Dosage'),
            help: t(
              'Till exempel 1 tablett 2 gånger per dag, om du vet.',
              'For example 1 tablet twice a day, if you know.',
            ),
            messageName: t('dosering', 'the dosage'),
            maxLength: 200,
          },
        ],
      },
      ...(options.showFurtherInformation
        ? [
            {
              kind: 'long-text',
              key: 'furtherInformation',
              label: t('Övrig information', 'Further information'),
              help: t(
                'Till exempel om något har ändrats sedan du fick receptet senast.',
                'For example if anything has changed since you last got the prescription.',
              ),
              maxLength: 2000,
            } as const,
          ]
        : []),
    ],
  };
}

export function buildRenewPrescriptionAnswerForm(): FormDefinition {
  return {
    formatVersion: 1,
    fields: [
      perItemDecisionGroup({
        key: 'medicines',
        label: t('Beslut per läkemedel', 'Decision per medicine'),
        itemNoun: MEDICINE,
        maxItems: MAX_MEDICINES_PER_ERRAND,
        itemLabel: t('Läkemedel', 'Medicine'),
        yes: { value: 'renewed', sv: 'Förnyat', en: 'Renewed' },
        no: { value: 'not-renewed', sv: 'Inte förnyat', en: 'Not renewed' },
      }),
      ...answerClosingFields(),
    ],
  };
}

export const renewPrescriptionErrandType: BaseErrandType<typeof RenewPrescriptionOptionsSchema, 'renew-prescription'> =
  {
    id: 'renew-prescription',
    name: t('Förnya recept', 'Renew a prescription'),
    description: t(
      `Förnya recept på upp till ${MAX_MEDICINES_PER_ERRAND} läkemedel som du redan använder.`,
      `Renew prescriptions for up to ${MAX_MEDICINES_PER_ERRAND} medicines you already use.`,
    ),
    optionsSchema: RenewPrescriptionOptionsSchema,
    buildCitizenForm: buildRenewPrescriptionForm,
    buildAnswerForm: buildRenewPrescriptionAnswerForm,
  };
