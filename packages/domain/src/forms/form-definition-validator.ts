import { type DefinitionProblem, definitionProblem } from './definition-problems.ts';
import { definitionStructureProblems } from './definition-structure-check.ts';
import { resolveConditionField } from './field-condition.ts';
import { isConditionTargetKind, isDisplayOnlyField } from './field-kinds.ts';
import type { DateLimit, FieldCondition, FormDefinition, FormField, LocalizedText } from './form-definition.schema.ts';
import {
  DEFAULT_DATE_LIST_MAX_ITEMS,
  DEFAULT_LONG_TEXT_MAX_LENGTH,
  DEFAULT_SHORT_TEXT_MAX_LENGTH,
  DEFAULT_WEEKDAYS,
  MAX_FIELDS_IN_FORM,
  MAX_GROUP_DEPTH,
} from './form-limits.ts';
import { isIsoDate } from './iso-date.ts';
import { isSafeText } from './safe-text.ts';

// The second half of checking a definition, run when a unit administrator saves a form: the rules
// that tie fields together. A definition that passes can be rendered and answered without surprises:
// every condition points at an earlier choice field and one of its values, limits can be met.

/** Names every plain object inherits; as answer keys they would confuse code reading the answers. */
const RESERVED_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

type Problems = DefinitionProblem[];

function checkText(text: LocalizedText | undefined, path: string, problems: Problems): void {
  if (!text) return;
  for (const language of ['sv', 'en'] as const) {
    const value = text[language];
    if (value.trim() === '') problems.push(definitionProblem(`${path}.${language}`, 'blank-text'));
    else if (!isSafeText(value, true)) {
      problems.push(definitionProblem(`${path}.${language}`, 'invalid-characters'));
    }
  }
}

function checkTexts(field: FormField, path: string, problems: Problems): void {
  if ('label' in field) checkText(field.label, `${path}.label`, problems);
  if ('help' in field) checkText(field.help, `${path}.help`, problems);
  if ('messageName' in field) checkText(field.messageName, `${path}.messageName`, problems);
  if ('staffLabel' in field) checkText(field.staffLabel, `${path}.staffLabel`, problems);
  if (field.kind === 'info') checkText(field.text, `${path}.text`, problems);
  if (field.kind === 'number') checkText(field.unit, `${path}.unit`, problems);
  if (field.kind === 'group' && field.itemNoun) {
    checkText(field.itemNoun.one, `${path}.itemNoun.one`, problems);
    checkText(field.itemNoun.other, `${path}.itemNoun.other`, problems);
  }
  if (field.kind === 'single-choice' || field.kind === 'multiple-choice') {
    for (const [index, option] of field.options.entries()) {
      checkText(option.label, `${path}.options[${index}].label`, problems);
    }
  }
}

function checkMinMax(min: number | undefined, max: number | undefined, path: string, problems: Problems): void {
  if (min !== undefined && max !== undefined && min > max)
    problems.push(definitionProblem(path, 'min-greater-than-max'));
}

function checkDateLimits(field: { earliest?: DateLimit; latest?: DateLimit }, path: string, problems: Problems) {
  for (const name of ['earliest', 'latest'] as const) {
    const limit = field[name];
    if (limit && 'date' in limit && !isIsoDate(limit.date)) {
      problems.push(definitionProblem(`${path}.${name}.date`, 'invalid-date'));
    }
  }
  const { earliest, latest } = field;
  if (!earliest || !latest) return;
  // Only limits of the same sort can be compared without knowing which day it is.
  if ('date' in earliest && 'date' in latest && earliest.date > latest.date) {
    problems.push(definitionProblem(`${path}.earliest`, 'min-greater-than-max'));
  }
  if ('daysFromToday' in earliest && 'daysFromToday' in latest && earliest.daysFromToday > latest.daysFromToday) {
    problems.push(definitionProblem(`${path}.earliest`, 'min-greater-than-max'));
  }
}

function checkKindRules(field: FormField, path: string, problems: Problems): void {
  switch (field.kind) {
    case 'short-text':
    case 'long-text': {
      const defaultMax = field.kind === 'long-text' ? DEFAULT_LONG_TEXT_MAX_LENGTH : DEFAULT_SHORT_TEXT_MAX_LENGTH;
      checkMinMax(field.minLength, field.maxLength ?? defaultMax, `${path}.minLength`, problems);
      return;
    }
    case 'single-choice':
    case 'multiple-choice': {
      const seen = new Set<string>();
      for (const [index, option] of field.options.entries()) {
        if (seen.has(option.value)) {
          problems.push(
            definitionProblem(`${path}.options[${index}].value`, 'duplicate-option-value', {
              value: option.value,
            }),
          );
        }
        seen.add(option.value);
      }
      if (field.kind === 'multiple-choice') {
        checkMinMax(field.minSelected, field.maxSelected, `${path}.minSelected`, problems);
        for (const name of ['minSelected', 'maxSelected'] as const) {
          const limit = field[name];
          if (limit !== undefined && limit > field.options.length) {
            problems.push(
              definitionProblem(`${path}.${name}`, 'limit-exceeds-options', { limit: field.options.length }),
            );
          }
        }
      }
      return;
    }
    case 'date':
      checkDateLimits(field, path, problems);
      return;
    case 'date-list':
      checkDateLimits(field, path, problems);
      checkMinMax(field.minItems, field.maxItems ?? DEFAULT_DATE_LIST_MAX_ITEMS, `${path}.minItems`, problems);
      return;
    case 'weekdays': {
      const days = field.days ?? DEFAULT_WEEKDAYS;
      days.forEach((day, index) => {
        if (days.indexOf(day) !== index)
          problems.push(definitionProblem(`${path}.days[${index}]`, 'duplicate-weekday'));
      });
      return;
    }
    case 'number':
      checkMinMax(field.min, field.max, `${path}.min`, problems);
      return;
    case 'group':
      checkMinMax(field.minItems, field.maxItems, `${path}.minItems`, problems);
      if (field.fields.every(isDisplayOnlyField))
        problems.push(definitionProblem(`${path}.fields`, 'group-without-input-fields'));
      return;
    default:
      return;
  }
}

function checkConditionValue(target: FormField, value: string | boolean, path: string, problems: Problems): void {
  const valid =
    target.kind === 'yes-no'
      ? typeof value === 'boolean'
      : (target.kind === 'single-choice' || target.kind === 'multiple-choice') &&
        target.options.some((option) => option.value === value);
  if (!valid) {
    problems.push(
      definitionProblem(`${path}.value`, 'condition-value-not-an-option', { key: target.key, value: String(value) }),
    );
  }
}

/**
 * `levels`: the field lists from this field's own level outwards; `positions`: at each of those
 * levels, the index of the field that is or contains the field with the condition.
 */
function checkCondition(
  condition: FieldCondition,
  path: string,
  levels: readonly (readonly FormField[])[],
  positions: readonly number[],
  problems: Problems,
): void {
  const isGroupCondition = condition.kind === 'any-item-has-value';
  const targetKey = isGroupCondition ? condition.group : condition.field;
  const targetPath = `${path}.${isGroupCondition ? 'group' : 'field'}`;
  const resolved = resolveConditionField(targetKey, levels);
  if (!resolved) {
    problems.push(definitionProblem(targetPath, 'condition-target-missing', { key: targetKey }));
    return;
  }
  const levelFields = levels[resolved.levelIndex] ?? [];
  // Answers are checked top to bottom, so a condition may only look back; this also rules out cycles.
  if (levelFields.indexOf(resolved.field) >= (positions[resolved.levelIndex] ?? 0)) {
    problems.push(definitionProblem(targetPath, 'condition-target-after-field', { key: targetKey }));
    return;
  }
  if (!isGroupCondition) {
    if (!isConditionTargetKind(resolved.field.kind)) {
      problems.push(definitionProblem(targetPath, 'condition-target-not-choice', { key: targetKey }));
      return;
    }
    checkConditionValue(resolved.field, condition.value, path, problems);
    return;
  }
  if (resolved.field.kind !== 'group') {
    problems.push(definitionProblem(targetPath, 'condition-target-not-group', { key: targetKey }));
    return;
  }
  const child = resolved.field.fields.find((candidate) => candidate.key === condition.field);
  if (!child) {
    problems.push(definitionProblem(`${path}.field`, 'condition-target-missing', { key: condition.field }));
  } else if (!isConditionTargetKind(child.kind)) {
    problems.push(definitionProblem(`${path}.field`, 'condition-target-not-choice', { key: condition.field }));
  } else {
    checkConditionValue(child, condition.value, path, problems);
  }
}

interface Walk {
  problems: Problems;
  fieldCount: number;
}

function countInputFields(fields: readonly FormField[]): number {
  let count = 0;
  for (const field of fields) {
    if (field.kind === 'group') count += countInputFields(field.fields);
    else if (!isDisplayOnlyField(field)) count++;
  }
  return count;
}

function checkLevel(
  walk: Walk,
  fields: readonly FormField[],
  path: string,
  outerLevels: readonly (readonly FormField[])[],
  outerPositions: readonly number[],
  groupDepth: number,
): void {
  const { problems } = walk;
  const seen = new Set<string>();
  for (const [index, field] of fields.entries()) {
    const fieldPath = `${path}[${index}]`;
    walk.fieldCount++;
    if (seen.has(field.key)) problems.push(definitionProblem(`${fieldPath}.key`, 'duplicate-key', { key: field.key }));
    if (RESERVED_KEYS.has(field.key))
      problems.push(definitionProblem(`${fieldPath}.key`, 'reserved-key', { key: field.key }));
    seen.add(field.key);
    checkTexts(field, fieldPath, problems);
    checkKindRules(field, fieldPath, problems);
    const levels = [fields, ...outerLevels];
    const positions = [index, ...outerPositions];
    if (field.condition) checkCondition(field.condition, `${fieldPath}.condition`, levels, positions, problems);
    if (field.kind === 'group') {
      if (groupDepth + 1 > MAX_GROUP_DEPTH) {
        problems.push(definitionProblem(`${fieldPath}.fields`, 'nesting-too-deep', { limit: MAX_GROUP_DEPTH }));
      } else {
        checkLevel(walk, field.fields, `${fieldPath}.fields`, levels, positions, groupDepth + 1);
      }
    }
  }
}

/** The rules between the fields of a definition that already has the right shape. */
function definitionRuleProblems(definition: FormDefinition): DefinitionProblem[] {
  const walk: Walk = { problems: [], fieldCount: 0 };
  checkLevel(walk, definition.fields, 'fields', [], [], 0);
  if (walk.fieldCount > MAX_FIELDS_IN_FORM) {
    walk.problems.push(definitionProblem('fields', 'too-many-fields', { limit: MAX_FIELDS_IN_FORM }));
  }
  if (countInputFields(definition.fields) === 0) walk.problems.push(definitionProblem('fields', 'no-input-fields'));
  return walk.problems;
}

/**
 * Everything wrong with a form definition, from its shape to the rules between its fields; empty
 * when it can be saved. Takes `unknown` because definitions arrive from an administrator's browser.
 */
export function validateFormDefinition(input: unknown): DefinitionProblem[] {
  const structureProblems = definitionStructureProblems(input);
  if (structureProblems.length > 0) return structureProblems;
  return definitionRuleProblems(input as FormDefinition);
}

export type FormDefinitionParseResult =
  | { ok: true; value: FormDefinition }
  | { ok: false; problems: DefinitionProblem[] };

/** `validateFormDefinition`, returning the definition typed when there is nothing wrong with it. */
export function parseFormDefinition(input: unknown): FormDefinitionParseResult {
  const problems = validateFormDefinition(input);
  return problems.length === 0 ? { ok: true, value: input as FormDefinition } : { ok: false, problems };
}
