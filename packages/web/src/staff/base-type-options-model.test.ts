import { baseErrandTypes, buildBaseErrandForms, findBaseErrandType } from '@kontakta/domain';
import { describe, expect, it } from 'vitest';
import {
  draftFromOptions,
  type OptionControl,
  optionControls,
  optionInputId,
  optionsFromDraft,
  optionValueFor,
  pathParts,
  type TextRow,
  targetIdForPath,
} from './base-type-options-model.ts';

const schemaOf = (id: string) => findBaseErrandType(id)?.optionsSchema;

describe('optionControls', () => {
  it('reads every base type’s options as controls it knows', () => {
    const controls = Object.fromEntries(baseErrandTypes.map((type) => [type.id, optionControls(type.optionsSchema)]));
    expect(controls['request-appointment']).toEqual([{ kind: 'boolean', key: 'showUnsuitableDays' }]);
    expect(controls['cancel-or-reschedule-appointment']).toEqual([{ kind: 'boolean', key: 'showUnsuitableDays' }]);
    expect(controls['renew-prescription']).toEqual([{ kind: 'boolean', key: 'showFurtherInformation' }]);
    expect(controls.advice).toEqual([{ kind: 'boolean', key: 'askForEarlierCaregiver' }]);
    expect(controls['request-certificate']).toEqual([
      { kind: 'text-list', key: 'certificateKinds', minItems: 1, maxItems: 50, maxLength: 300 },
    ]);
    expect(controls['ask-the-nurse']).toEqual([
      { kind: 'choose-values', key: 'healthQuestions', values: expect.arrayContaining(['fever', 'pain']) },
    ]);
    expect(controls['contact-me']).toEqual([]);
    expect(
      Object.values(controls)
        .flat()
        .filter((control) => control.kind === 'unsupported'),
    ).toEqual([]);
  });

  it('keeps a shape it does not know as unsupported, and reads nothing from what is not a schema', () => {
    expect(optionControls({ type: 'object', properties: { limit: { type: 'integer' } } })).toEqual([
      { kind: 'unsupported', key: 'limit' },
    ]);
    expect(optionControls(undefined)).toEqual([]);
    expect(optionControls({ type: 'array' })).toEqual([]);
  });
});

describe('optionValueFor', () => {
  it('makes a value of the Swedish text that the domain accepts', () => {
    expect(optionValueFor('Intyg för dykning', new Set())).toBe('intyg-for-dykning');
    expect(optionValueFor('  Åäö ÅÄÖ é!  ', new Set())).toBe('aao-aao-e');
    expect(optionValueFor('!!!', new Set())).toBe('alternativ');
    expect(optionValueFor('x'.repeat(100), new Set())).toHaveLength(64);
  });

  it('never repeats a value already taken', () => {
    const taken = new Set(['friskintyg', 'friskintyg-2']);
    expect(optionValueFor('Friskintyg', taken)).toBe('friskintyg-3');
    const long = 'y'.repeat(64);
    const made = optionValueFor(long, new Set([long]));
    expect(made).toHaveLength(64);
    expect(made.endsWith('-2')).toBe(true);
  });
});

describe('draft and options', () => {
  const certificate = optionControls(schemaOf('request-certificate'));

  it('round-trips the stored options, keeping the values errands refer to', () => {
    const stored = {
      certificateKinds: [
        { value: 'driving-licence', label: { sv: 'Körkort', en: 'Driving licence' } },
        { value: 'other', label: { sv: 'Annat', en: 'Other' } },
      ],
    };
    expect(optionsFromDraft(certificate, draftFromOptions(certificate, stored))).toEqual(stored);
  });

  it('gives new rows unique values, trims texts and builds forms the domain accepts', () => {
    const draft = draftFromOptions(certificate, {
      certificateKinds: [{ value: 'dykning', label: { sv: 'Dykning', en: 'Diving' } }],
    });
    const rows = draft.certificateKinds as TextRow[];
    const added: TextRow[] = [
      ...rows,
      { rowKey: 'a', value: undefined, label: { sv: ' Dykning ', en: ' Diving ' } },
      { rowKey: 'b', value: undefined, label: { sv: 'Intyg för flyg', en: 'Flying' } },
    ];
    const options = optionsFromDraft(certificate, { certificateKinds: added });
    expect(options.certificateKinds).toEqual([
      { value: 'dykning', label: { sv: 'Dykning', en: 'Diving' } },
      { value: 'dykning-2', label: { sv: 'Dykning', en: 'Diving' } },
      { value: 'intyg-for-flyg', label: { sv: 'Intyg för flyg', en: 'Flying' } },
    ]);
    expect(buildBaseErrandForms('request-certificate', options).ok).toBe(true);
  });

  it('passes booleans and chosen values through, and keeps what it cannot edit', () => {
    const controls: OptionControl[] = [
      ...optionControls(schemaOf('advice')),
      ...optionControls(schemaOf('ask-the-nurse')),
      { kind: 'unsupported', key: 'limit' },
    ];
    const draft = draftFromOptions(controls, { askForEarlierCaregiver: true, healthQuestions: ['fever'], limit: 3 });
    expect(optionsFromDraft(controls, draft)).toEqual({
      askForEarlierCaregiver: true,
      healthQuestions: ['fever'],
      limit: 3,
    });
    expect(draftFromOptions(controls, {})).toMatchObject({ askForEarlierCaregiver: false, healthQuestions: [] });
  });
});

describe('server problems to inputs', () => {
  const known = new Set([
    optionInputId('certificateKinds'),
    optionInputId('certificateKinds', 0, 'label', 'sv'),
    optionInputId('certificateKinds', 0, 'label', 'en'),
    optionInputId('healthQuestions'),
  ]);

  it('links to the most precise input there is', () => {
    expect(targetIdForPath('body.options.certificateKinds[0].label.sv', known)).toBe(
      'options-certificateKinds-0-label-sv',
    );
    expect(targetIdForPath('body.options.certificateKinds[0].value', known)).toBe('options-certificateKinds');
    expect(targetIdForPath('body.options.certificateKinds[7].label.en', known)).toBe('options-certificateKinds');
    expect(targetIdForPath('body.options.healthQuestions[2]', known)).toBe('options-healthQuestions');
  });

  it('links nowhere for a problem with the options as a whole or outside them', () => {
    expect(targetIdForPath('body.options', known)).toBeUndefined();
    expect(targetIdForPath('body.enabled', known)).toBeUndefined();
    expect(targetIdForPath('body.options.nothing', known)).toBeUndefined();
  });

  it('names the option, row and language of a path', () => {
    expect(pathParts('body.options.certificateKinds[2].label.sv')).toEqual({
      key: 'certificateKinds',
      row: 2,
      language: 'sv',
    });
    expect(pathParts('body.options.certificateKinds[2].value')).toEqual({
      key: 'certificateKinds',
      row: 2,
      language: undefined,
    });
    expect(pathParts('body.options.showFurtherInformation')).toEqual({
      key: 'showFurtherInformation',
      row: undefined,
      language: undefined,
    });
    expect(pathParts('body.options')).toBeUndefined();
  });
});
