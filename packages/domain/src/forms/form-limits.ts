// The numbers and patterns of the form format, apart from the TypeBox schema so that the answer
// validator, which also runs in the browser, needs no schema library at all.

/** Field keys become answer property names, so they are plain identifiers: no `__proto__`, no dots. */
export const FIELD_KEY_PATTERN = '^[a-z][a-zA-Z0-9]{0,39}$';
/** Option values are stored in answers and compared in conditions; kebab-case keeps them stable. */
export const OPTION_VALUE_PATTERN = '^[a-z0-9][a-z0-9-]{0,63}$';
export const ISO_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** Groups inside groups are allowed one level down; deeper forms are unusable on a phone. */
export const MAX_GROUP_DEPTH = 2;
export const MAX_FIELDS_PER_LEVEL = 100;
export const MAX_FIELDS_IN_FORM = 300;
export const MAX_OPTIONS = 100;
export const MAX_GROUP_ITEMS = 50;
export const MAX_DATE_LIST_ITEMS = 50;
export const SHORT_TEXT_MAX_LENGTH_CAP = 1000;
export const LONG_TEXT_MAX_LENGTH_CAP = 10_000;
export const DEFAULT_SHORT_TEXT_MAX_LENGTH = 200;
export const DEFAULT_LONG_TEXT_MAX_LENGTH = 2000;
export const DEFAULT_DATE_LIST_MAX_ITEMS = 10;
/** Number limits stay well inside the range where doubles are exact integers. */
export const NUMBER_LIMIT = 1_000_000_000;

export const FORM_FORMAT_VERSION = 1;

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Care units are open on weekdays, so that is what a weekday field offers unless told otherwise. */
export const DEFAULT_WEEKDAYS: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
