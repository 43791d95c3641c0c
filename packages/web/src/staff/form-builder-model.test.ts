import { validateAnswers } from '@kontakta/domain';
import { describe, expect, it } from 'vitest';
import {
  type BuilderField,
  builderProblems,
  fromDefinition,
  moved,
  newBuilderField,
  newBuilderOption,
  problemFieldIndex,
  toDefinition,
  withoutField,
} from './form-builder-model.ts';

const t = (sv: string, en: string) => ({ sv, en });

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
    const checked = validateAnswers(definition, { question2: true, question4: '2026-12-01' }, { today: '2026-11-22' });
    expect(checked.ok).toBe(true);
  });

  it('round-trips through a definition', () => {
    const fields = sampleFields();
    expect(fromDefinition(toDefinition(fields))).toEqual(fields);
  });

  it('names the question a problem is about', () => {
    const fields = sampleFields();
    const blank = fields.map((field, index) => (index === 3 ? { ...field, label: t('', '') } : field));
    const problems = builderProblems(blank);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map(problemFieldIndex)).toContain(3);
  });

  it('drops conditions that would point at a removed or later question', () => {
    const fields = sampleFields();
    expect(withoutField(fields, 1)[1]?.condition).toBeNull();
    const swapped = moved(fields, 2, -1);
    expect(swapped[1]?.key).toBe('question3');
    expect(swapped[1]?.condition).toBeNull();
  });

  it('gives new options values not taken', () => {
    const options = [
      { value: 'option-1', label: t('a', 'a') },
      { value: 'option-3', label: t('b', 'b') },
    ];
    expect(newBuilderOption(options).value).toBe('option-4');
  });
});
