import type { FieldCondition, FormField } from './form-definition.schema.ts';

// Conditions ("shown only when …") are evaluated the same way by the server, by the web form while
// the citizen types, and by the definition validator when it resolves what a condition points at.

/** Marks an answer that was wrong: a condition that depends on it can be neither true nor false. */
export const UNDECIDED: unique symbol = Symbol('undecided');

/**
 * One level of a form being answered: the top level, or one item of a repeating group. A condition
 * looks its field up like a variable: the innermost level first, then outwards.
 */
export interface ConditionScope {
  readonly fields: readonly FormField[];
  /** The answers at this level; a group's answer is an array of item objects. */
  readonly values: unknown;
}

export type ConditionOutcome = boolean | typeof UNDECIDED;

/** An own, plain data property: never a getter, never something inherited from a prototype. */
export function readOwnValue(container: unknown, key: string): unknown {
  if (typeof container !== 'object' || container === null || Array.isArray(container)) return undefined;
  const descriptor = Object.getOwnPropertyDescriptor(container, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

/** Where a key resolves from a chain of levels (innermost first): the nearest level that defines it. */
export function resolveConditionField(
  key: string,
  levels: readonly (readonly FormField[])[],
): { levelIndex: number; field: FormField } | undefined {
  for (const [levelIndex, fields] of levels.entries()) {
    const field = fields.find((candidate) => candidate.key === key);
    if (field) return { levelIndex, field };
  }
  return undefined;
}

function valueHas(field: FormField, value: unknown, expected: string | boolean): ConditionOutcome {
  if (value === UNDECIDED) return UNDECIDED;
  switch (field.kind) {
    case 'yes-no':
    case 'single-choice':
      return value === expected;
    case 'multiple-choice':
      return Array.isArray(value) && value.includes(expected);
    default:
      return false;
  }
}

function anyItemHas(group: FormField, value: unknown, childKey: string, expected: string | boolean): ConditionOutcome {
  if (value === UNDECIDED) return UNDECIDED;
  if (group.kind !== 'group' || !Array.isArray(value)) return false;
  const child = group.fields.find((candidate) => candidate.key === childKey);
  if (!child) return false;
  let undecided = false;
  for (const item of value) {
    const outcome = item === UNDECIDED ? UNDECIDED : valueHas(child, readOwnValue(item, childKey), expected);
    if (outcome === true) return true;
    if (outcome === UNDECIDED) undecided = true;
  }
  return undecided ? UNDECIDED : false;
}

/**
 * Whether a condition holds. UNDECIDED when it depends on an answer that was itself wrong; a
 * condition whose field does not exist is false (a validated definition has none).
 */
export function evaluateFieldCondition(
  condition: FieldCondition | undefined,
  scopes: readonly ConditionScope[],
): ConditionOutcome {
  if (!condition) return true;
  const targetKey = condition.kind === 'has-value' ? condition.field : condition.group;
  const resolved = resolveConditionField(
    targetKey,
    scopes.map((scope) => scope.fields),
  );
  if (!resolved) return false;
  const value = readOwnValue(scopes[resolved.levelIndex]?.values, targetKey);
  return condition.kind === 'has-value'
    ? valueHas(resolved.field, value, condition.value)
    : anyItemHas(resolved.field, value, condition.field, condition.value);
}

/** For renderers: is the field shown, given the answers so far (innermost scope first)? */
export function isFieldShown(field: FormField, scopes: readonly ConditionScope[]): boolean {
  return evaluateFieldCondition(field.condition, scopes) === true;
}
