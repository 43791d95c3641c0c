import { type Static, Type } from 'typebox';
import type { FormDefinition, FormField } from '../forms/form-definition.schema.ts';
import { type BaseErrandType, localizedText as t } from './errand-type.ts';
import { answerClosingFields } from './shared-fields.ts';

// The catalogue of health questions a unit can add to "Ask the nurse". Each is a fixed set of
// fields, so answers to the same question mean the same thing at every unit.

const yes = (field: string) => ({ kind: 'has-value', field, value: true }) as const;

const HEALTH_QUESTION_FIELDS = {
  'symptom-duration': [
    {
      kind: 'single-choice',
      key: 'symptomDuration',
      label: t('Hur länge har du haft besvären?', 'How long have you had the symptoms?'),
      messageName: t('hur länge du har haft besvären', 'how long you have had the symptoms'),
      required: true,
      options: [
        { value: 'less-than-a-day', label: t('Kortare än ett dygn', 'Less than a day') },
        { value: 'one-to-three-days', label: t('1–3 dygn', '1–3 days') },
        { value: 'four-to-seven-days', label: t('4–7 dygn', '4–7 days') },
        { value: 'one-to-four-weeks', label: t('1–4 veckor', '1–4 weeks') },
        { value: 'more-than-four-weeks', label: t('Längre än 4 veckor', 'More than 4 weeks') },
      ],
    },
  ],
  fever: [
    {
      kind: 'yes-no',
      key: 'hasFever',
      label: t('Har du feber?', 'Do you have a fever?'),
      messageName: t('om du har feber', 'whether you have a fever'),
      required: true,
    },
    {
      kind: 'number',
      key: 'temperature',
      label: t('Hur hög är febern?', 'How high is your temperature?'),
      help: t('Om du har mätt den.', 'If you have measured it.'),
      messageName: t('temperaturen', 'the temperature'),
      min: 35,
      max: 43,
      unit: t('°C', '°C'),
      condition: yes('hasFever'),
    },
  ],
  pain: [
    {
      kind: 'yes-no',
      key: 'hasPain',
      label: t('Har du ont?', 'Are you in pain?'),
      messageName: t('om du har ont', 'whether you are in pain'),
      required: true,
    },
    {
      kind: 'short-text',
      key: 'painLocation',
      label: t('Var har du ont?', 'Where does it hurt?'),
      messageName: t('var du har ont', 'where it hurts'),
      required: true,
      maxLength: 200,
      condition: yes('hasPain'),
    },
    {
      kind: 'number',
      key: 'painIntensity',
      label: t('Hur ont har du på en skala från 0 till 10?', 'How much pain are you in, on a scale from 0 to 10?'),
      help: t(
        '0 betyder ingen smärta och 10 värsta tänkbara smärta.',
        '0 means no pain and 10 the worst pain imaginable.',
      ),
      messageName: t('smärtan', 'the pain score'),
      integer: true,
      min: 0,
      max: 10,
      condition: yes('hasPain'),
    },
  ],
  'current-medication': [
    {
      kind: 'yes-no',
      key: 'takesMedication',
      label: t('Tar du några läkemedel just nu?', 'Are you taking any medicines at the moment?'),
      messageName: t('om du tar några läkemedel', 'whether you are taking any medicines'),
      required: true,
    },
    {
      kind: 'long-text',
      key: 'currentMedication',
      label: t('Vilka läkemedel tar du?', 'Which medicines are you taking?'),
      help: t('Ta gärna med styrka och dos.', 'Include strength and dose if you can.'),
      messageName: t('vilka läkemedel du tar', 'which medicines you are taking'),
      required: true,
      maxLength: 1000,
      condition: yes('takesMedication'),
    },
  ],
  allergies: [
    {
      kind: 'yes-no',
      key: 'hasAllergies',
      label: t('Har du några allergier eller överkänsligheter?', 'Do you have any allergies or intolerances?'),
      messageName: t('om du har några allergier', 'whether you have any allergies'),
      required: true,
    },
    {
      kind: 'long-text',
      key: 'allergies',
      label: t('Vilka allergier eller överkänsligheter har du?', 'Which allergies or intolerances do you have?'),
      messageName: t('vilka allergier du har', 'which allergies you have'),
      required: true,
      maxLength: 1000,
      condition: yes('hasAllergies'),
    },
  ],
  'chronic-conditions': [
    {
      kind: 'yes-no',
      key: 'hasChronicCondition',
      label: t('Har du någon långvarig sjukdom?', 'Do you have any long-term illness?'),
      messageName: t('om du har någon långvarig sjukdom', 'whether you have any long-term illness'),
      required: true,
    },
    {
      kind: 'long-text',
      key: 'chronicConditions',
      label: t('Vilken eller vilka sjukdomar?', 'Which illness or illnesses?'),
      messageName: t('vilka sjukdomar du har', 'which illnesses you have'),
      required: true,
      maxLength: 1000,
      condition: yes('hasChronicCondition'),
    },
  ],
  'pregnancy-or-breastfeeding': [
    {
      kind: 'single-choice',
      key: 'pregnancyOrBreastfeeding',
      label: t('Är du gravid eller ammar du?', 'Are you pregnant or breastfeeding?'),
      messageName: t('om du är gravid eller ammar', 'whether you are pregnant or breastfeeding'),
      required: true,
      options: [
        { value: 'pregnant', label: t('Ja, jag är gravid', 'Yes, I am pregnant') },
        { value: 'breastfeeding', label: t('Ja, jag ammar', 'Yes, I am breastfeeding') },
        { value: 'no', label: t('Nej', 'No') },
        { value: 'not-applicable', label: t('Inte aktuellt', 'Not applicable') },
      ],
    },
  ],
  'recent-travel': [
    {
      kind: 'yes-no',
      key: 'hasTravelledAbroad',
      label: t('Har du varit utomlands de senaste fyra veckorna?', 'Have you been abroad in the last four weeks?'),
      messageName: t('om du har varit utomlands', 'whether you have been abroad'),
      required: true,
    },
    {
      kind: 'short-text',
      key: 'travelDestination',
      label: t('Var har du varit?', 'Where have you been?'),
      messageName: t('var du har varit', 'where you have been'),
      required: true,
      maxLength: 200,
      condition: yes('hasTravelledAbroad'),
    },
  ],
} as const satisfies Record<string, readonly FormField[]>;

export type HealthQuestion = keyof typeof HEALTH_QUESTION_FIELDS;
/** In the order they appear on the form, whatever order the unit picked them in. */
export const HEALTH_QUESTIONS = Object.keys(HEALTH_QUESTION_FIELDS) as HealthQuestion[];

export const HEALTH_QUESTION_NAMES: Record<HealthQuestion, { sv: string; en: string }> = {
  'symptom-duration': t('Hur länge besvären har pågått', 'Duration of symptoms'),
  fever: t('Feber', 'Fever'),
  pain: t('Smärta', 'Pain'),
  'current-medication': t('Nuvarande läkemedel', 'Current medication'),
  allergies: t('Allergier', 'Allergies'),
  'chronic-conditions': t('Långvariga sjukdomar', 'Long-term illnesses'),
  'pregnancy-or-breastfeeding': t('Graviditet och amning', 'Pregnancy and breastfeeding'),
  'recent-travel': t('Utlandsresor', 'Travel abroad'),
};

export const AskTheNurseOptionsSchema = Type.Object(
  {
    healthQuestions: Type.Array(Type.Enum(HEALTH_QUESTIONS), {
      uniqueItems: true,
      maxItems: HEALTH_QUESTIONS.length,
      default: ['symptom-duration', 'fever', 'pain', 'current-medication', 'allergies'],
    }),
  },
  { additionalProperties: false },
);
export type AskTheNurseOptions = Static<typeof AskTheNurseOptionsSchema>;

export function buildAskTheNurseForm(options: AskTheNurseOptions): FormDefinition {
  const chosen = new Set(options.healthQuestions);
  const healthFields = HEALTH_QUESTIONS.filter((question) => chosen.has(question)).flatMap(
    (question) => HEALTH_QUESTION_FIELDS[question] as readonly FormField[],
  );
  return {
    formatVersion: 1,
    fields: [
      {
        kind: 'long-text',
        key: 'question',
        label: t('Din fråga', 'Your question'),
        help: t(
          'Beskriv dina besvär och vad du undrar över.',
          'Describe your symptoms and what you would like to know.',
        ),
        messageName: t('din fråga', 'your question'),
        required: true,
        maxLength: 3000,
      },
      ...(healthFields.length > 0
        ? [{ kind: 'heading', key: 'healthHeading', label: t('Om din hälsa', 'About your health') } as const]
        : []),
      ...structuredClone(healthFields),
    ],
  };
}

export function buildAskTheNurseAnswerForm(): FormDefinition {
  return {
    formatVersion: 1,
    fields: [
      {
        kind: 'single-choice',
        key: 'recommendation',
        label: t('Rekommendation', 'Recommendation'),
        messageName: t('en rekommendation', 'a recommendation'),
        options: [
          { value: 'self-care', label: t('Egenvård', 'Self-care') },
          { value: 'book-appointment', label: t('Boka en tid', 'Book an appointment') },
          { value: 'seek-care-today', label: t('Sök vård i dag', 'Seek care today') },
          { value: 'call-1177', label: t('Ring 1177 om du blir sämre', 'Call 1177 if you get worse') },
        ],
      },
      ...answerClosingFields(),
    ],
  };
}

export const askTheNurseErrandType: BaseErrandType<typeof AskTheNurseOptionsSchema, 'ask-the-nurse'> = {
  id: 'ask-the-nurse',
  name: t('Fråga sjuksköterskan', 'Ask the nurse'),
  description: t('Ställ en fråga om din hälsa till en sjuksköterska.', 'Ask a nurse a question about your health.'),
  optionsSchema: AskTheNurseOptionsSchema,
  buildCitizenForm: buildAskTheNurseForm,
  buildAnswerForm: buildAskTheNurseAnswerForm,
};
