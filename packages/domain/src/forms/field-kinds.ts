import type { FieldKind, FieldOfKind, FormField } from './form-definition.schema.ts';

// Questions about a field's kind that both validators ask.

export function isDisplayOnlyField(field: FormField): field is FieldOfKind<'heading'> | FieldOfKind<'info'> {
  return field.kind === 'heading' || field.kind === 'info';
}

/** Only these kinds can steer a condition: their answers come from a fixed set of values. */
export function isConditionTargetKind(kind: FieldKind): boolean {
  return kind === 'single-choice' || kind === 'multiple-choice' || kind === 'yes-no';
}
