import { type Static, Type } from 'typebox';
import { type DefinitionProblem, definitionProblem } from '../forms/definition-problems.ts';
import {
  type ChoiceOption,
  ChoiceOptionSchema,
  type FieldCondition,
  type FormDefinition,
  type FormField,
} from '../forms/form-definition.schema.ts';
import { type BaseErrandType, localizedText as t } from './errand-type.ts';
import {
  answerClosingFields,
  appointmentProposalFields,
  otherInformationField,
  outcomeField,
} from './shared-fields.ts';

/** Listing this value among the unit's kinds adds a field where the citizen names the certificate. */
export const OTHER_CERTIFICATE_KIND = 'other';

export const DEFAULT_CERTIFICATE_KINDS: ChoiceOption[] = [
  { value: 'driving-licence', label: t('Läkarintyg för körkort', 'Medical certificate for a driving licence') },
  { value: 'sickness-benefit', label: t('Läkarintyg för sjukpenning', 'Medical certificate for sickness benefit') },
  { value: 'vaccination', label: t('Vaccinationsintyg', 'Vaccination certificate') },
  { value: 'good-health', label: t('Friskintyg', 'Certificate of good health') },
  { value: OTHER_CERTIFICATE_KIND, label: t('Annat intyg', 'Other certificate') },
];

export const RequestCertificateOptionsSchema = Type.Object(
  {
    /** The certificates this unit issues; option values must be unique. */
    certificateKinds: Type.Array(ChoiceOptionSchema, { minItems: 1, maxItems: 50, default: DEFAULT_CERTIFICATE_KINDS }),
  },
  { additionalProperties: false },
);
export type RequestCertificateOptions = Static<typeof RequestCertificateOptionsSchema>;

/** The kinds become the options of one choice field, so their values must differ. */
export function requestCertificateOptionProblems(options: RequestCertificateOptions): DefinitionProblem[] {
  const seen = new Set<string>();
  return options.certificateKinds.flatMap((kind, index) => {
    const duplicate = seen.has(kind.value);
    seen.add(kind.value);
    return duplicate
      ? [definitionProblem(`certificateKinds[${index}].value`, 'duplicate-option-value', { value: kind.value })]
      : [];
  });
}

const isRenewal: FieldCondition = { kind: 'has-value', field: 'requestType', value: 'renewal' };

export function buildRequestCertificateForm(options: RequestCertificateOptions): FormDefinition {
  const otherKind: FormField[] = options.certificateKinds.some((kind) => kind.value === OTHER_CERTIFICATE_KIND)
    ? [
        {
          kind: 'short-text',
          key: 'otherCertificateKind',
          label: t('Vilket intyg behöver du?', 'Which certificate do you need?'),
          messageName: t('vilket intyg du behöver', 'which certificate you need'),
          required: true,
          maxLength: 200,
          condition: { kind: 'has-value', field: 'certificateKind', value: OTHER_CERTIFICATE_KIND },
        },
      ]
    : [];
  return {
    formatVersion: 1,
    fields: [
      {
        kind: 'single-choice',
        key: 'certificateKind',
        label: t('Vilket intyg gäller det?', 'Which certificate is it about?'),
        messageName: t('vilket intyg det gäller', 'which certificate it is about'),
        required: true,
        display: options.certificateKinds.length > 6 ? 'dropdown' : 'radio',
        options: options.certificateKinds,
      },
      ...otherKind,
      {
        kind: 'single-choice',
        key: 'requestType',
        label: t('Är det ett nytt intyg eller en förnyelse?', 'Is it a new certificate or a renewal?'),
        messageName: t(
          'om det gäller ett nytt intyg eller en förnyelse',
          'whether it is a new certificate or a renewal',
        ),
        required: true,
        display: 'radio',
        options: [
          { value: 'new', label: t('Nytt intyg', 'New certificate') },
          { value: 'renewal', label: t('Förnyelse av ett intyg jag har', 'Renewal of a certificate I have') },
        ],
      },
      {
        kind: 'short-text',
        key: 'currentIssuer',
        label: t('Vem utfärdade ditt nuvarande intyg?', 'Who issued your current certificate?'),
        help: t('Namn på läkaren eller mottagningen.', 'Name of the doctor or clinic.'),
        messageName: t('vem som utfärdade det nuvarande intyget', 'who issued the current certificate'),
        required: true,
        maxLength: 200,
        condition: isRenewal,
      },
      {
        kind: 'date',
        key: 'currentValidUntil',
        label: t(
          'Till och med vilket datum gäller det nuvarande intyget?',
          'Until which date is the current certificate valid?',
        ),
        messageName: t('det nuvarande intygets slutdatum', 'the end date of the current certificate'),
        required: true,
        condition: isRenewal,
      },
      {
        kind: 'long-text',
        key: 'purpose',
        label: t('Vad ska intyget användas till?', 'What is the certificate for?'),
        messageName: t('vad intyget ska användas till', 'what the certificate is for'),
        maxLength: 1000,
      },
      otherInformationField(),
    ],
  };
}

export function buildRequestCertificateAnswerForm(): FormDefinition {
  return {
    formatVersion: 1,
    fields: [
      outcomeField([
        { value: 'will-be-issued', label: t('Intyget utfärdas', 'The certificate will be issued') },
        { value: 'appointment-needed', label: t('Du behöver komma på ett besök', 'You need to come for a visit') },
        { value: 'declined', label: t('Intyget kan inte utfärdas', 'The certificate cannot be issued') },
      ]),
      ...appointmentProposalFields({ kind: 'has-value', field: 'outcome', value: 'appointment-needed' }),
      ...answerClosingFields(),
    ],
  };
}

export const requestCertificateErrandType: BaseErrandType<
  typeof RequestCertificateOptionsSchema,
  'request-certificate'
> = {
  id: 'request-certificate',
  name: t('Begära intyg', 'Request a certificate'),
  description: t(
    'Beställ ett nytt intyg eller förnya ett intyg du redan har.',
    'Order a new certificate or renew one you already have.',
  ),
  optionsSchema: RequestCertificateOptionsSchema,
  buildCitizenForm: buildRequestCertificateForm,
  buildAnswerForm: buildRequestCertificateAnswerForm,
  optionProblems: requestCertificateOptionProblems,
};
