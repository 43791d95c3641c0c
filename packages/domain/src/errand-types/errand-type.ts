import type { Static, TObject } from 'typebox';
import type { DefinitionProblem } from '../forms/definition-problems.ts';
import type { FormDefinition, LocalizedText } from '../forms/form-definition.schema.ts';

// An errand type of the national base offering: the form a citizen fills in, the answer form a
// caregiver fills in, and the options a unit administrator may set. Forms are built from the options
// as plain data, so a unit's configured form is stored and versioned like a custom one.

export interface BaseErrandType<Options extends TObject = TObject, Id extends string = string> {
  /** Stable, kebab-case; stored with every errand and unit setting. */
  readonly id: Id;
  readonly name: LocalizedText;
  /** One sentence for the unit's contact card. */
  readonly description: LocalizedText;
  /** The options a unit sets, with a default for each, so `{}` is always a valid choice. */
  readonly optionsSchema: Options;
  buildCitizenForm(options: Static<Options>): FormDefinition;
  buildAnswerForm(options: Static<Options>): FormDefinition;
  /** Rules the schema cannot say, such as unique values in a list the unit writes. */
  optionProblems?(options: Static<Options>): DefinitionProblem[];
}

export function localizedText(sv: string, en: string): LocalizedText {
  return { sv, en };
}

export type OptionsParseResult<Options> = { ok: true; value: Options } | { ok: false; problems: DefinitionProblem[] };
