import { baseErrandTypes, buildBaseErrandForms, type FormDefinition, validateAnswers } from '@kontakta/domain';
import type { Questionnaire, QuestionnaireItem, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validAnswersArb } from '../../../domain/src/forms/form-answers.arbitraries.ts';
import { formDefinitionArb } from '../../../domain/src/forms/form-definition.arbitraries.ts';
import { defaultCustomAnswerForm } from '../use-cases/errand-types/custom-errand-type-forms.ts';
import { fhirErrors } from './fhir-validation.test-support.ts';
import { formToQuestionnaire, type QuestionnaireMeta } from './questionnaire.mapper.ts';
import { answersToQuestionnaireResponse } from './questionnaire-response.mapper.ts';

// Every form Kontakta can hold exports as a Questionnaire that a FHIR R4 validator accepts, and
// every accepted submission as a QuestionnaireResponse that answers exactly that Questionnaire.

const URL = 'https://kontakta.example/fhir/Questionnaire/SE2321000016-F001/renew-prescription';
const TODAY = '2025-05-12';

function meta(overrides: Partial<QuestionnaireMeta> = {}): QuestionnaireMeta {
  return {
    url: URL,
    version: 3,
    title: { sv: 'Förnya recept', en: 'Renew a prescription' },
    description: { sv: 'Förnya recept.', en: 'Renew prescriptions.' },
    status: 'active',
    date: Date.UTC(2025, 4, 12, 8),
    publisher: 'Vårdcentralen Exempel',
    ...overrides,
  };
}

/** Options that turn on every optional part of each base type. */
const ALL_ON: Record<string, unknown> = {
  'cancel-or-reschedule-appointment': { showUnsuitableDays: true },
  'request-appointment': { showUnsuitableDays: true },
  'renew-prescription': { showFurtherInformation: true },
  advice: { askForEarlierCaregiver: true },
};

function formsOf(id: string, options: unknown) {
  const built = buildBaseErrandForms(id, options);
  if (!built.ok) throw new Error(`${id}: ${JSON.stringify(built.problems)}`);
  return built;
}

function linkIds(items: readonly QuestionnaireItem[] | undefined): string[] {
  return (items ?? []).flatMap((item) => [item.linkId, ...linkIds(item.item)]);
}

function answeredLinkIds(items: readonly QuestionnaireResponseItem[] | undefined): string[] {
  return (items ?? []).flatMap((item) => [item.linkId, ...answeredLinkIds(item.item)]);
}

function expectValidExport(definition: FormDefinition): Questionnaire {
  const questionnaire = formToQuestionnaire(definition, meta());
  expect(fhirErrors(questionnaire)).toEqual([]);
  const ids = linkIds(questionnaire.item);
  expect(new Set(ids).size).toBe(ids.length);
  return questionnaire;
}

describe('formToQuestionnaire', () => {
  it.each(baseErrandTypes.map((type) => type.id))(
    'exports %s (citizen and answer form, defaults and all options on)',
    (id) => {
      for (const options of [{}, ALL_ON[id] ?? {}]) {
        const forms = formsOf(id, options);
        expectValidExport(forms.citizenForm);
        expectValidExport(forms.answerForm);
      }
    },
  );

  it('exports a custom form and its default answer form', () => {
    const custom: FormDefinition = {
      formatVersion: 1,
      fields: [
        { kind: 'heading', key: 'intro', label: { sv: 'Om resan', en: 'About the trip' } },
        {
          kind: 'single-choice',
          key: 'destination',
          label: { sv: 'Resmål', en: 'Destination' },
          required: true,
          display: 'dropdown',
          options: [
            { value: 'europe', label: { sv: 'Europa', en: 'Europe' } },
            { value: 'tropics', label: { sv: 'Tropikerna', en: 'The tropics' } },
          ],
        },
        {
          kind: 'date',
          key: 'departure',
          label: { sv: 'Avresedag', en: 'Departure' },
          earliest: { date: '2025-01-01' },
          latest: { daysFromToday: 365 },
        },
        {
          kind: 'number',
          key: 'weeks',
          label: { sv: 'Antal veckor', en: 'Number of weeks' },
          integer: true,
          min: 1,
          max: 52,
          unit: { sv: 'veckor', en: 'weeks' },
        },
        {
          kind: 'multiple-choice',
          key: 'vaccines',
          label: { sv: 'Vaccin', en: 'Vaccines' },
          help: { sv: 'Välj alla som gäller.', en: 'Choose all that apply.' },
          condition: { kind: 'has-value', field: 'destination', value: 'tropics' },
          maxSelected: 2,
          options: [
            { value: 'yellow-fever', label: { sv: 'Gula febern', en: 'Yellow fever' } },
            { value: 'hepatitis', label: { sv: 'Hepatit', en: 'Hepatitis' } },
          ],
        },
        { kind: 'phone', key: 'phone', label: { sv: 'Telefon', en: 'Phone' } },
        { kind: 'info', key: 'note', text: { sv: 'Vi ringer inom en vecka.', en: 'We call within a week.' } },
      ],
    };
    const questionnaire = expectValidExport(custom);
    const vaccines = questionnaire.item?.find((item) => item.linkId === 'vaccines');
    expect(vaccines).toMatchObject({
      type: 'choice',
      repeats: true,
      enableWhen: [{ question: 'destination', operator: '=', answerCoding: { code: 'tropics' } }],
    });
    expect(vaccines?.item?.[0]).toMatchObject({ linkId: 'vaccines-help', type: 'display' });
    expect(questionnaire).toMatchObject({
      title: 'Förnya recept',
      _title: { extension: [{ url: expect.stringContaining('translation') }] },
    });
    expectValidExport(defaultCustomAnswerForm());
  });

  it('conditions on a group item point at the group’s own question', () => {
    const aids = formToQuestionnaire(formsOf('renew-assistive-aids', {}).citizenForm, meta());
    const conditional = JSON.stringify(aids).match(/"question":"([^"]+)"/g) ?? [];
    const ids = new Set(linkIds(aids.item));
    expect(conditional.length).toBeGreaterThan(0);
    for (const match of conditional) expect(ids.has(match.slice(12, -1)), match).toBe(true);
  });

  it('marks a retired type’s questionnaire as retired', () => {
    const questionnaire = formToQuestionnaire(formsOf('contact-me', {}).citizenForm, meta({ status: 'retired' }));
    expect(questionnaire.status).toBe('retired');
    expect(fhirErrors(questionnaire)).toEqual([]);
  });

  it('is checked by a validator that does refuse a broken Questionnaire', () => {
    const broken = {
      resourceType: 'Questionnaire',
      status: 'active',
      item: [{ linkId: 'a', type: 'group', text: 'A' }],
    };
    expect(fhirErrors(broken as Questionnaire)).toEqual([expect.stringContaining('que-1')]);
  });

  it('exports any valid definition, with unique linkIds (property)', () => {
    fc.assert(
      fc.property(formDefinitionArb, (definition) => {
        expectValidExport(definition);
      }),
      { numRuns: 60 },
    );
  });
});

describe('answersToQuestionnaireResponse', () => {
  it('maps a prescription renewal with two medicines', () => {
    const forms = formsOf('renew-prescription', {});
    const checked = validateAnswers(
      forms.citizenForm,
      {
        medicines: [{ name: 'Levaxin', strength: '50 mikrogram' }, { name: 'Alvedon' }],
        furtherInformation: 'Inget nytt.',
      },
      { today: TODAY },
    );
    if (!checked.ok) throw new Error('answers refused');
    const response = answersToQuestionnaireResponse(forms.citizenForm, checked.value, {
      questionnaireUrl: URL,
      version: 3,
      authored: Date.UTC(2025, 4, 12, 9),
    });
    expect(fhirErrors(response)).toEqual([]);
    expect(response.questionnaire).toBe(`${URL}|3`);
    expect(response.item?.filter((item) => item.linkId === 'medicines')).toHaveLength(2);
    expect(response.item?.[0]?.item?.[0]).toEqual({
      linkId: 'medicines.name',
      text: 'Läkemedlets namn',
      answer: [{ valueString: 'Levaxin' }],
    });
  });

  it('answers only questions of the Questionnaire, and validates, for any valid definition and answers (property)', () => {
    const pair = formDefinitionArb.chain((definition) =>
      validAnswersArb(definition, TODAY).map((answers) => ({ definition, answers })),
    );
    fc.assert(
      fc.property(pair, ({ definition, answers }) => {
        const checked = validateAnswers(definition, answers, { today: TODAY });
        if (!checked.ok) return;
        const response = answersToQuestionnaireResponse(definition, checked.value, {
          questionnaireUrl: URL,
          version: 1,
          authored: Date.UTC(2025, 4, 12),
        });
        expect(fhirErrors(response)).toEqual([]);
        const questions = new Set(linkIds(formToQuestionnaire(definition, meta()).item));
        for (const id of answeredLinkIds(response.item)) expect(questions.has(id), id).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
