import {
  baseErrandTypes,
  buildRenewPrescriptionAnswerForm,
  buildRenewPrescriptionForm,
  type FormDefinition,
  parseBaseErrandTypeOptions,
  renderAnswerMessage,
  validateAnswers,
} from '@kontakta/domain';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../i18n/messages.ts';
import {
  answerPath,
  type DraftItem,
  draftFromAnswers,
  draftToAnswers,
  emptyDraft,
  fieldDomId,
  parseDraftNumber,
  prefillFromSubmission,
  setDraftValue,
} from './form-draft.ts';

const t = (sv: string, en: string) => ({ sv, en });
const today = '2026-11-22';

const form: FormDefinition = {
  formatVersion: 1,
  fields: [
    { kind: 'heading', key: 'intro', label: t('Om dig', 'About you') },
    {
      kind: 'single-choice',
      key: 'kind',
      label: t('Typ', 'Kind'),
      required: true,
      options: [
        { value: 'new', label: t('Nytt', 'New') },
        { value: 'renewal', label: t('Förnyelse', 'Renewal') },
      ],
    },
    {
      kind: 'date',
      key: 'validUntil',
      label: t('Giltigt till', 'Valid until'),
      required: true,
      condition: { kind: 'has-value', field: 'kind', value: 'renewal' },
    },
    { kind: 'number', key: 'count', label: t('Antal', 'Count'), min: 1, max: 5 },
    { kind: 'yes-no', key: 'agree', label: t('Håller du med?', 'Do you agree?') },
    { kind: 'weekdays', key: 'days', label: t('Dagar', 'Days') },
    { kind: 'date-list', key: 'dates', label: t('Datum', 'Dates') },
    {
      kind: 'group',
      key: 'aids',
      label: t('Hjälpmedel', 'Aids'),
      itemNoun: { one: t('hjälpmedel', 'aid'), other: t('hjälpmedel', 'aids') },
      minItems: 1,
      maxItems: 4,
      fields: [
        { kind: 'short-text', key: 'name', label: t('Namn', 'Name'), required: true },
        { kind: 'yes-no', key: 'incontinence', label: t('Inkontinens?', 'Incontinence?') },
      ],
    },
    {
      kind: 'short-text',
      key: 'address',
      label: t('Leveransadress', 'Delivery address'),
      required: true,
      condition: { kind: 'any-item-has-value', group: 'aids', field: 'incontinence', value: true },
    },
  ],
};

describe('a fresh draft', () => {
  it('has every answerable field empty and as many items as a group needs', () => {
    const draft = emptyDraft(form.fields);
    expect(Object.keys(draft)).toEqual(['kind', 'validUntil', 'count', 'agree', 'days', 'dates', 'aids', 'address']);
    expect(draft.aids).toHaveLength(1);
    expect(draftToAnswers(form.fields, draft)).toEqual({ aids: [{}] });
  });
});

describe('from draft to answers', () => {
  it('sends only shown, filled questions, in their JSON types', () => {
    let draft = emptyDraft(form.fields);
    draft = setDraftValue(draft, ['kind'], 'new');
    draft = setDraftValue(draft, ['validUntil'], '2027-01-01'); // hidden: kind is not renewal
    draft = setDraftValue(draft, ['count'], '2');
    draft = setDraftValue(draft, ['agree'], 'no');
    draft = setDraftValue(draft, ['days'], ['monday']);
    draft = setDraftValue(draft, ['dates'], ['2026-12-01', ' ']);
    draft = setDraftValue(draft, ['aids', 0, 'name'], 'Blöjor');
    const answers = draftToAnswers(form.fields, draft);
    expect(answers).toEqual({
      kind: 'new',
      count: 2,
      agree: false,
      days: ['monday'],
      dates: ['2026-12-01'],
      aids: [{ name: 'Blöjor' }],
    });
    expect(validateAnswers(form, answers, { today }).ok).toBe(true);
  });

  it('shows a question that depends on any item of a group, and the validator agrees', () => {
    let draft = emptyDraft(form.fields);
    draft = setDraftValue(draft, ['kind'], 'renewal');
    draft = setDraftValue(draft, ['aids', 0, 'name'], 'Blöjor');
    draft = setDraftValue(draft, ['aids', 0, 'incontinence'], 'yes');
    const result = validateAnswers(form, draftToAnswers(form.fields, draft), { today });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.path)).toEqual(['validUntil', 'address']);
    const intl = createIntl({ locale: 'sv', messages: CATALOGUES.sv });
    const message = result.errors[1]?.message;
    expect(message && renderAnswerMessage(message, 'sv', (id, values) => intl.formatMessage({ id }, values))).toBe(
      'Fyll i leveransadress.',
    );
  });

  it('reads numbers the Swedish way and leaves nonsense for the validator to name', () => {
    expect(parseDraftNumber('1,5')).toBe(1.5);
    expect(parseDraftNumber(' 1 000 ')).toBe(1000);
    expect(parseDraftNumber('−2')).toBe(-2);
    expect(parseDraftNumber('två')).toBe('två');
    const answers = draftToAnswers(form.fields, setDraftValue(emptyDraft(form.fields), ['count'], 'två'));
    const result = validateAnswers(form, { ...answers, kind: 'new', aids: [{ name: 'x' }] }, { today });
    expect(result.ok ? [] : result.errors.map((error) => error.code)).toEqual(['wrong-type']);
  });
});

describe('paths and ids', () => {
  it('writes the validator’s paths and DOM-safe ids', () => {
    expect(answerPath(['medicines', 2, 'name'])).toBe('medicines[2].name');
    expect(answerPath(['message'])).toBe('message');
    expect(fieldDomId('errand', ['medicines', 2, 'name'])).toBe('errand-medicines-2-name');
  });
});

describe('back from answers', () => {
  it('round-trips every kind of answer', () => {
    const answers = {
      kind: 'renewal',
      validUntil: '2027-01-01',
      count: 1.5,
      agree: true,
      days: ['friday'],
      dates: ['2026-12-24'],
      aids: [{ name: 'Rullator', incontinence: false }],
    };
    const draft = draftFromAnswers(form.fields, answers);
    expect(draft.count).toBe('1.5');
    expect((draft.aids as readonly DraftItem[])[0]?.values.incontinence).toBe('no');
    expect(draftToAnswers(form.fields, draft)).toEqual(answers);
  });
});

describe('the answer form of a list errand', () => {
  it('starts with one decision per medicine the citizen listed', () => {
    const submission = { medicines: [{ name: 'Levaxin', strength: '50' }, { name: 'Alvedon' }] };
    const answerForm = buildRenewPrescriptionAnswerForm();
    const draft = prefillFromSubmission(
      answerForm.fields,
      buildRenewPrescriptionForm({ showFurtherInformation: true }).fields,
      submission,
    );
    const items = draft.medicines as readonly DraftItem[];
    expect(items.map((item) => item.values.item)).toEqual(['Levaxin', 'Alvedon']);
    expect(draft.message).toBe('');
  });

  it('every base errand type has a citizen form and answer form the draft model can hold', () => {
    for (const type of baseErrandTypes) {
      const options = parseBaseErrandTypeOptions(type, {});
      if (!options.ok) throw new Error(type.id);
      const citizenForm = type.buildCitizenForm(options.value as never);
      const answerForm = type.buildAnswerForm(options.value as never);
      expect(draftToAnswers(citizenForm.fields, emptyDraft(citizenForm.fields)), type.id).toBeTypeOf('object');
      expect(draftToAnswers(answerForm.fields, emptyDraft(answerForm.fields)), type.id).toBeTypeOf('object');
    }
  });
});
