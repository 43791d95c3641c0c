// Forms as data designed by a care unit: the definition model, its validation when an
// administrator saves it, and the validation of a citizen's (or caregiver's) answers.
export type { CheckedValue } from './answer-field-checks.ts';
export {
  ANSWER_MESSAGE_IDS,
  type AnswerErrorCode,
  type AnswerMessage,
  type AnswerMessageFormatter,
  type AnswerMessageId,
  renderAnswerMessage,
} from './answer-messages.ts';
export {
  type AnswerError,
  type AnswerValidationOptions,
  type AnswerValidationResult,
  type AnswerValue,
  type FormAnswers,
  validateAnswers,
} from './answer-validator.ts';
export {
  DEFINITION_MESSAGE_IDS,
  type DefinitionMessage,
  type DefinitionMessageId,
  type DefinitionProblem,
  type DefinitionProblemCode,
} from './definition-problems.ts';
export { type ConditionScope, isFieldShown } from './field-condition.ts';
export { isConditionTargetKind, isDisplayOnlyField } from './field-kinds.ts';
export {
  type ChoiceField,
  type ChoiceOption,
  ChoiceOptionSchema,
  type DateLimit,
  DateLimitSchema,
  FIELD_KINDS,
  type FieldCondition,
  FieldConditionSchema,
  type FieldKind,
  type FieldOfKind,
  type FormDefinition,
  FormDefinitionSchema,
  type FormField,
  FormFieldSchema,
  type GroupField,
  type InputField,
  type ItemNoun,
  type LocalizedText,
  LocalizedTextSchema,
} from './form-definition.schema.ts';
export {
  type FormDefinitionParseResult,
  parseFormDefinition,
  validateFormDefinition,
} from './form-definition-validator.ts';
export {
  DEFAULT_DATE_LIST_MAX_ITEMS,
  DEFAULT_LONG_TEXT_MAX_LENGTH,
  DEFAULT_SHORT_TEXT_MAX_LENGTH,
  DEFAULT_WEEKDAYS,
  FORM_FORMAT_VERSION,
  MAX_GROUP_DEPTH,
  WEEKDAYS,
  type Weekday,
} from './form-limits.ts';
export { addDaysToIsoDate, exampleDate, isIsoDate } from './iso-date.ts';
export { normalizePhoneNumber } from './phone-number.ts';
export { rewordForStaff, staffLabelOf } from './staff-wording.ts';
