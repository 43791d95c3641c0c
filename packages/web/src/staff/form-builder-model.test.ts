import { answerClosingFields, type FormDefinition, validateAnswers } from '@kontakta/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerBuilderProblems,
  answerFormToSave,
  fromAnswerDefinition,
  toAnswerDefinition,
} from './answer-form-model.ts';
import { fromDefinition } from './form-builder-from-definition.ts';
import {
  BUILDER_KINDS,
  type BuilderField,
  type BuilderKind,
  newBuilderField,
  newBuilderOption,
  problemFieldIndex,
  problemFieldPath,
  problemLimit,
} from './form-builder-model.ts';
import { builderProblems, toDefinition } from './form-builder-to-definition.ts';
import {
  addField,
  canRemove,
  conditionChoices,
  type FieldPath,
  fieldAt,
  kindsAt,
  moveField,
  removeField,
  replaceField,
} from './form-builder-tree.ts';

const t = (sv: string, en: string) => ({ sv, en });
const today = { today: '2026-11-22' };

function sampleFields(): BuilderField[] {
  const fields: BuilderField[] = [];
  const add = (field: BuilderField) => fields.push(field);
  add({ ...newBuilderField('heading', fields), label: t('Om resan', 'About the trip') });
  add({
    ...newBuilderField('yes-no', fields),
    label: t('Ska du resa utomlands?', 'Are you travelling abroad?'),
    required: true,
  });
  const choice = newBuilderField('single-choice', fields);
  add({
    ...choice,
    label: t('Vaccin', 'Vaccine'),
    options: [
      { value: 'option-1', label: t('Hepatit', 'Hepatitis') },
      { value: 'option-2', label: t('Gula febern', 'Yellow fever') },
    ],
    condition: { field: 'question2', value: 'yes' },
  });
  add({ ...newBuilderField('date', fields), label: t('Avresedatum', 'Departure date'), required: true });
  return fields;
}

/** Every text of a question filled in, as an administrator would before saving. */
function labelled(field: BuilderField): BuilderField {
  const text = t(`Text ${field.key}`, `Text ${field.key} in English`);
  return {
    ...field,
    ...(field.kind === 'info' ? { text } : { label: text }),
    options: field.options.map((option) => ({ ...option, label: t(option.value, `${option.value} in English`) })),
    fields: field.fields.map(labelled),
  };
}

/** A one-question form of `kind`, labelled, with `limits` set. */
function single(kind: BuilderKind, limits: Partial<BuilderField['limits']>): BuilderField[] {
  const field = labelled(newBuilderField(kind, []));
  return [{ ...field, limits: { ...field.limits, ...limits } }];
}

/** A labelled group `question1` of travellers, each with a name and whether they are vaccinated. */
function groupForm(): BuilderField[] {
  let fields = addField([], [], 'group').fields;
  const group = fieldAt(fields, [0]) as BuilderField;
  fields = replaceField(fields, [0], {
    ...group,
    label: t('Resenärer', 'Travellers'),
    itemNoun: { one: t('resenär', 'traveller'), other: t('resenärer', 'travellers') },
    limits: { ...group.limits, minItems: '1', maxItems: '3' },
  });
  const name = fieldAt(fields, [0, 0]) as BuilderField;
  fields = replaceField(fields, [0, 0], { ...name, label: t('Namn', 'Name'), required: true });
  const added = addField(fields, [0], 'yes-no');
  return replaceField(added.fields, [0, 1], { ...added.added, label: t('Vaccinerad?', 'Vaccinated?') });
}

describe('the form builder’s model', () => {
  it('makes a definition the domain accepts, with stable generated keys', () => {
    const fields = sampleFields();
    expect(fields.map((field) => field.key)).toEqual(['question1', 'question2', 'question3', 'question4']);
    expect(builderProblems(fields)).toEqual([]);
    const definition = toDefinition(fields);
    expect(definition.fields[2]).toMatchObject({
      kind: 'single-choice',
      condition: { kind: 'has-value', field: 'question2', value: true },
      display: 'radio',
    });
    // Answers to it are checked exactly as the server will.
    const checked = validateAnswers(definition, { question2: true, question4: '2026-12-01' }, today);
    expect(checked.ok).toBe(true);
  });

  it('round-trips through a definition', () => {
    const fields = sampleFields();
    expect(fromDefinition(toDefinition(fields))).toEqual(fields);
    expect(fromDefinition(toDefinition(groupForm()))).toEqual(groupForm());
  });

  it('takes texts written only in Swedish, saving the Swedish for English readers', () => {
    const fields = sampleFields().map((field) =>
      field.kind === 'heading' ? field : { ...field, label: t(field.label.sv, ''), help: t('Om du vet.', '') },
    );
    expect(builderProblems(fields)).toEqual([]);
    const definition = toDefinition(fields);
    expect(definition.fields[1]).toMatchObject({
      label: t('Ska du resa utomlands?', 'Ska du resa utomlands?'),
      help: t('Om du vet.', 'Om du vet.'),
    });
    // Read back, the English boxes are empty again: saving twice changes nothing.
    expect(fromDefinition(definition)).toEqual(fields);
    // Blank Swedish is still a problem, English or not.
    const noSwedish = fields.map((field, index) => (index === 1 ? { ...field, label: t('', 'Travelling?') } : field));
    expect(builderProblems(noSwedish).map((problem) => problem.path)).toContain('fields[1].label.sv');
  });

  it('saves a staff label only when one is written, and reads it back', () => {
    const fields = sampleFields();
    expect(toDefinition(fields).fields[1]).not.toHaveProperty('staffLabel');
    const withStaff = replaceField(fields, [1], {
      ...(fieldAt(fields, [1]) as BuilderField),
      staffLabel: t('Ska invånaren resa utomlands?', ''),
    });
    expect(toDefinition(withStaff).fields[1]).toMatchObject({
      staffLabel: t('Ska invånaren resa utomlands?', 'Ska invånaren resa utomlands?'),
    });
    expect(fromDefinition(toDefinition(withStaff))).toEqual(withStaff);
  });

  it('leaves definitions with what it cannot edit to the API', () => {
    const definition: FormDefinition = {
      formatVersion: 1,
      fields: [{ kind: 'short-text', key: 'name', label: t('Namn', 'Name'), messageName: t('namnet', 'the name') }],
    };
    expect(fromDefinition(definition)).toBeUndefined();
  });

  it('names the question a problem is about', () => {
    const fields = sampleFields();
    const blank = fields.map((field, index) => (index === 3 ? { ...field, label: t('', '') } : field));
    const problems = builderProblems(blank);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map(problemFieldIndex)).toContain(3);
    expect(problemFieldPath({ path: 'fields[2].fields[1].label.sv' })).toEqual([2, 1]);
    expect(problemFieldPath({ path: 'fields' })).toEqual([]);
    expect(problemLimit({ path: 'fields[2].fields[1].maxItems' })).toBe('maxItems');
    expect(problemLimit({ path: 'fields[2].label.sv' })).toBeUndefined();
  });

  it('drops conditions that would point at a removed or later question', () => {
    const fields = sampleFields();
    expect(removeField(fields, [1])[1]?.condition).toBeNull();
    const swapped = moveField(fields, [2], -1);
    expect(swapped[1]?.key).toBe('question3');
    expect(swapped[1]?.condition).toBeNull();
  });

  it('gives new options values not taken', () => {
    const options = [
      { value: 'option-1', label: t('a', 'A') },
      { value: 'option-3', label: t('b', 'B') },
    ];
    expect(newBuilderOption(options).value).toBe('option-4');
  });
});

describe('limits', () => {
  it('a text’s longest length is saved and refuses longer answers', () => {
    const fields = single('short-text', { maxLength: '10' });
    expect(builderProblems(fields)).toEqual([]);
    const definition = toDefinition(fields);
    expect(definition.fields[0]).toMatchObject({ maxLength: 10 });
    expect(validateAnswers(definition, { question1: 'Kenya' }, today).ok).toBe(true);
    expect(validateAnswers(definition, { question1: 'Kenya och Tanzania' }, today).ok).toBe(false);
  });

  it('a limit that is not a whole number is pointed out and left out of the definition', () => {
    const fields = single('long-text', { maxLength: 'tio' });
    expect(toDefinition(fields).fields[0]).not.toHaveProperty('maxLength');
    expect(builderProblems(fields)).toEqual([{ path: 'fields[0].maxLength', message: 'builder.problem.wholeNumber' }]);
  });

  it('a lowest above the highest is the domain’s problem, at the limit', () => {
    const problems = builderProblems(single('multiple-choice', { minSelected: '2', maxSelected: '1' }));
    expect(problems.map((problem) => [problem.path, problemLimit(problem)])).toEqual([
      ['fields[0].minSelected', 'minSelected'],
    ]);
  });

  it('number limits are read as Swedes write them', () => {
    const fields = single('number', { min: '0,5', max: '1 000', integer: true, unit: t('mg', 'mg') });
    expect(toDefinition(fields).fields[0]).toMatchObject({ min: 0.5, max: 1000, integer: true, unit: t('mg', 'mg') });
    expect(builderProblems(single('number', { min: 'x' }))).toEqual([
      { path: 'fields[0].min', message: 'builder.problem.number' },
    ]);
  });

  it('date limits are fixed dates or days from today', () => {
    const fields = single('date-list', {
      earliest: { mode: 'days', value: '1' },
      latest: { mode: 'date', value: '2027-06-30' },
      maxItems: '3',
    });
    expect(builderProblems(fields)).toEqual([]);
    expect(toDefinition(fields).fields[0]).toMatchObject({
      earliest: { daysFromToday: 1 },
      latest: { date: '2027-06-30' },
      maxItems: 3,
    });
    expect(fromDefinition(toDefinition(fields))).toEqual(fields);
    const wrong = builderProblems(single('date', { earliest: { mode: 'date', value: '2027-02-30' } }));
    expect(wrong.map((problem) => [problem.path, problemLimit(problem)])).toEqual([
      ['fields[0].earliest.date', 'earliest'],
    ]);
    expect(builderProblems(single('date', { earliest: { mode: 'date', value: '30/2' } }))).toEqual([
      { path: 'fields[0].earliest', message: 'builder.problem.date' },
    ]);
  });

  it('weekdays other than Monday–Friday are saved in the week’s order', () => {
    expect(toDefinition(single('weekdays', {})).fields[0]).not.toHaveProperty('days');
    const fields = single('weekdays', { days: ['monday', 'saturday'] });
    expect(toDefinition(fields).fields[0]).toMatchObject({ days: ['monday', 'saturday'] });
    expect(fromDefinition(toDefinition(fields))).toEqual(fields);
  });
});

describe('repeating groups', () => {
  it('a group with its questions and item limits is a definition the domain accepts', () => {
    const fields = groupForm();
    expect(builderProblems(fields)).toEqual([]);
    const definition = toDefinition(fields);
    expect(definition.fields[0]).toMatchObject({ kind: 'group', minItems: 1, maxItems: 3 });
    const traveller = (name: string) => ({ question2: name });
    expect(validateAnswers(definition, { question1: [traveller('Ann')] }, today).ok).toBe(true);
    const four = ['A', 'B', 'C', 'D'].map(traveller);
    expect(validateAnswers(definition, { question1: four }, today).ok).toBe(false);
  });

  it('a group needs its largest number of items', () => {
    const fields = groupForm();
    const group = fields[0] as BuilderField;
    const without = replaceField(fields, [0], { ...group, limits: { ...group.limits, maxItems: '' } });
    expect(builderProblems(without)).toEqual([{ path: 'fields[0].maxItems', message: 'builder.problem.groupMax' }]);
  });

  it('offers groups only within the nesting limit', () => {
    expect(kindsAt([])).toContain('group');
    expect(kindsAt([0])).toContain('group');
    expect(kindsAt([0, 0])).not.toContain('group');
    let fields = groupForm();
    fields = addField(fields, [0], 'group').fields;
    expect(fieldAt(fields, [0, 2])?.kind).toBe('group');
    // Not a third level, even when asked.
    expect(addField(fields, [0, 2], 'group').fields).toEqual(fields);
  });

  it('moves and removes questions within the group, and problems name the inner question', () => {
    let fields = groupForm();
    fields = moveField(fields, [0, 1], -1);
    expect(fields[0]?.fields.map((field) => field.kind)).toEqual(['yes-no', 'short-text']);
    const blank = replaceField(fields, [0, 1], { ...(fieldAt(fields, [0, 1]) as BuilderField), label: t('', '') });
    expect(builderProblems(blank).map(problemFieldPath)).toContainEqual([0, 1]);
    fields = removeField(fields, [0, 0]);
    expect(fields[0]?.fields.map((field) => field.kind)).toEqual(['short-text']);
    // A group keeps its last question.
    expect(canRemove(fields, [0, 0])).toBe(false);
    expect(removeField(fields, [0, 0])).toEqual(fields);
  });

  it('conditions reach earlier questions in the group and outside it, and any item of an earlier group', () => {
    let fields = groupForm();
    const outer = addField(fields, [], 'single-choice');
    fields = outer.fields;
    // Inside the group: the earlier sibling only (the outer choice comes after the group).
    const inGroup = addField(fields, [0], 'short-text');
    fields = inGroup.fields;
    expect(conditionChoices(fields, [0, 2]).map((choice) => choice.condition)).toEqual([
      { field: 'question3', value: 'yes' },
      { field: 'question3', value: 'no' },
    ]);
    // After the group: "when any traveller is vaccinated".
    const after = addField(fields, [], 'long-text');
    fields = after.fields;
    const anyItem = { field: 'question3', value: 'yes', group: 'question1' };
    expect(conditionChoices(fields, [2]).map((choice) => choice.condition)).toContainEqual(anyItem);
    fields = replaceField(fields, [2], { ...after.added, label: t('Intyg', 'Certificate'), condition: anyItem });
    fields = replaceField(fields, [0, 2], {
      ...inGroup.added,
      label: t('Dos', 'Dose'),
      condition: { field: 'question3', value: 'yes' },
    });
    fields = replaceField(fields, [1], {
      ...outer.added,
      label: t('Val', 'Choice'),
      options: outer.added.options.map((option, index) => ({ ...option, label: t(`${index}`, `${index} in English`) })),
    });
    expect(builderProblems(fields)).toEqual([]);
    expect(toDefinition(fields).fields[2]?.condition).toEqual({ kind: 'any-item-has-value', ...anyItem, value: true });
    expect(fromDefinition(toDefinition(fields))).toEqual(fields);
    // Removing the yes/no question in the group drops both conditions on it.
    const removed = removeField(fields, [0, 1]);
    expect(removed[2]?.condition).toBeNull();
    expect(removed[0]?.fields[1]?.condition).toBeNull();
  });
});

describe('the answer form', () => {
  it('ends with the message and whether the citizen may reply, which the builder leaves alone', () => {
    expect(toAnswerDefinition([]).fields).toEqual(answerClosingFields());
    expect(answerFormToSave([])).toBeUndefined();
    expect(answerBuilderProblems([])).toEqual([]);
    const extras = single('short-text', { maxLength: '20' });
    const definition = toAnswerDefinition(extras);
    expect(definition.fields.map((field) => field.key)).toEqual(['question1', 'message', 'citizenMayReply']);
    expect(answerBuilderProblems(extras)).toEqual([]);
    expect(answerFormToSave(extras)).toEqual(toDefinition(extras));
    expect(fromAnswerDefinition(definition)).toEqual(extras);
    expect(fromAnswerDefinition(toAnswerDefinition([]))).toEqual([]);
    const answers = { question1: 'A-123', message: 'Här är intyget.', citizenMayReply: false };
    expect(validateAnswers(definition, answers, today).ok).toBe(true);
  });

  it('leaves an answer form whose closing fields were changed to the API', () => {
    const definition = toAnswerDefinition(single('short-text', {}));
    const changed = {
      ...definition,
      fields: definition.fields.map((field) =>
        field.key === 'message' ? { ...field, label: t('Svar', 'Answer') } : field,
      ),
    };
    expect(fromAnswerDefinition(changed)).toBeUndefined();
  });

  it('names problems at the added field', () => {
    const extras = single('short-text', {}).map((field) => ({ ...field, label: t('', 'Number') }));
    expect(answerBuilderProblems(extras).map((problem) => problem.path)).toEqual(['fields[0].label.sv']);
  });
});

// ---- Any sequence of edits keeps the builder's conditions and nesting valid ----

type Edit =
  | { op: 'add'; at: number; kind: BuilderKind }
  | { op: 'remove'; at: number }
  | { op: 'move'; at: number; by: -1 | 1 }
  | { op: 'condition'; at: number; choice: number };

function paths(fields: readonly BuilderField[], parent: FieldPath = []): FieldPath[] {
  return fields.flatMap((field, index) => [[...parent, index], ...paths(field.fields, [...parent, index])]);
}

function apply(fields: BuilderField[], edit: Edit): BuilderField[] {
  const all = paths(fields);
  const path = all.length > 0 ? all[edit.at % all.length] : undefined;
  switch (edit.op) {
    case 'add': {
      const groups = [[] as FieldPath, ...all.filter((candidate) => fieldAt(fields, candidate)?.kind === 'group')];
      const parent = groups[edit.at % groups.length] ?? [];
      const { fields: next, added } = addField(fields, parent, edit.kind);
      const at = paths(next).find((candidate) => fieldAt(next, candidate)?.key === added.key);
      return at ? replaceField(next, at, labelled(added)) : next;
    }
    case 'remove':
      return path ? removeField(fields, path) : fields;
    case 'move':
      return path ? moveField(fields, path, edit.by) : fields;
    case 'condition': {
      const field = path && fieldAt(fields, path);
      const choices = path ? conditionChoices(fields, path) : [];
      const choice = choices[edit.choice % Math.max(choices.length, 1)];
      return field && choice && path ? replaceField(fields, path, { ...field, condition: choice.condition }) : fields;
    }
  }
}

const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('add' as const), at: fc.nat(), kind: fc.constantFrom(...BUILDER_KINDS) }),
  fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('move' as const), at: fc.nat(), by: fc.constantFrom(-1 as const, 1 as const) }),
  fc.record({ op: fc.constant('condition' as const), at: fc.nat(), choice: fc.nat() }),
);

describe('any sequence of edits', () => {
  it('keeps conditions pointing back at real answers, nesting within the limit, and round-trips', () => {
    fc.assert(
      fc.property(fc.array(editArbitrary, { maxLength: 30 }), (edits) => {
        const fields = edits.reduce(apply, [] as BuilderField[]);
        if (fields.length === 0) return;
        // Only rules between fields can be left: a group or form of headings alone, which the builder names.
        const codes = builderProblems(fields).map((problem) => ('code' in problem ? String(problem.code) : ''));
        expect(codes.filter((code) => !/^(group-without-input-fields|no-input-fields)$/.test(code))).toEqual([]);
        expect(fromDefinition(toDefinition(fields))).toEqual(fields);
      }),
      { numRuns: 200 },
    );
  });
});
