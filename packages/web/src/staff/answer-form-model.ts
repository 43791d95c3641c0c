import { answerClosingFields, type FormDefinition, type FormField } from '@kontakta/domain';
import { fromDefinition } from './form-builder-from-definition.ts';
import type { BuilderField, BuilderProblem } from './form-builder-model.ts';
import { builderProblems, toDefinition } from './form-builder-to-definition.ts';

// A custom errand type's answer form, as the server stores it: the fields the unit adds, then the
// closing fields every answer form ends with (a message to the citizen and whether they may reply;
// the server appends them, see custom-errand-type-forms.ts). The builder edits only the added
// fields; the preview and the checks use the whole form, exactly as the caregiver will get it.

const CLOSING_KEYS: ReadonlySet<string> = new Set(answerClosingFields().map((field) => field.key));

/** JSON with sorted keys: two definitions compare equal however their properties were ordered. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

/** The whole answer form the added fields make: theirs first, then the closing fields. */
export function toAnswerDefinition(extras: readonly BuilderField[]): FormDefinition {
  return {
    formatVersion: 1,
    fields: [...(extras.length > 0 ? toDefinition(extras).fields : []), ...answerClosingFields()],
  };
}

/** What to send as `answerForm`: only the added fields (the server adds the rest), or nothing. */
export function answerFormToSave(extras: readonly BuilderField[]): FormDefinition | undefined {
  return extras.length > 0 ? toDefinition(extras) : undefined;
}

/**
 * The added fields of a stored answer form, or undefined when the builder cannot edit it: fields
 * it does not know, or closing fields changed or moved through the API, which saving here would undo.
 */
export function fromAnswerDefinition(definition: FormDefinition): BuilderField[] | undefined {
  const closing = answerClosingFields();
  const extras = definition.fields.slice(0, Math.max(0, definition.fields.length - closing.length));
  const tail: FormField[] = definition.fields.slice(extras.length);
  if (canonical(tail) !== canonical(closing)) return undefined;
  if (extras.some((field) => CLOSING_KEYS.has(field.key))) return undefined;
  return extras.length === 0 ? [] : fromDefinition({ formatVersion: 1, fields: extras });
}

/** What is wrong with the added fields, checked within the whole answer form. */
export function answerBuilderProblems(
  extras: readonly BuilderField[],
  definition: FormDefinition = toAnswerDefinition(extras),
): BuilderProblem[] {
  return extras.length === 0 ? [] : builderProblems(extras, definition);
}
