import { type Static, Type } from 'typebox';
import { FieldError } from './problem.schema.ts';

// Errand types as a unit administrator manages them, and the unit's public contact card. Form
// definitions travel as JSON (`Type.Unknown()` here): they are checked by the domain's definition
// validator, which names every problem in the caller's language, rather than by the HTTP schema.

const strict = { additionalProperties: false } as const;

/** Swedish and English text an administrator writes; whitespace-only and control characters are refused by the server. */
export function localizedInput(maxLength: number) {
  return Type.Object(
    { sv: Type.String({ minLength: 1, maxLength }), en: Type.String({ minLength: 1, maxLength }) },
    strict,
  );
}

const LocalizedOut = Type.Object({ sv: Type.String(), en: Type.String() });
const Timestamp = Type.Integer({ description: 'Epoch milliseconds.' });

export const ERRAND_TYPE_NAME_MAX_LENGTH = 100;
export const ERRAND_TYPE_DESCRIPTION_MAX_LENGTH = 300;
export const EXTERNAL_LINK_TITLE_MAX_LENGTH = 100;
export const EXTERNAL_LINK_URL_MAX_LENGTH = 2000;
export const MAX_EXTERNAL_LINKS = 20;
export const MAX_CUSTOM_ERRAND_TYPES = 50;

export const ErrandTypeId = Type.String({ minLength: 1, maxLength: 80, pattern: '^[a-z0-9-]+$' });

export const AdminErrandType = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('base'), Type.Literal('custom')]),
  name: LocalizedOut,
  description: LocalizedOut,
  enabled: Type.Boolean(),
  /** When a custom type was retired; it is then off the contact card for good. */
  retiredAt: Type.Union([Timestamp, Type.Null()]),
  /** A base type's options as stored (defaults filled in); `{}` for custom types. */
  options: Type.Record(Type.String(), Type.Unknown()),
  openToProxies: Type.Boolean(),
  citizenMayReply: Type.Boolean(),
  /**
   * Whether the unit's region lets its units offer the type (its base offering); a type it does not
   * allow cannot be switched on and is not offered to citizens, whatever the unit has set.
   */
  allowedByRegion: Type.Optional(Type.Boolean()),
  /** The version number citizens get when they open the form; null before the type is set up. */
  currentVersion: Type.Union([Type.Integer(), Type.Null()]),
  updatedAt: Type.Union([Timestamp, Type.Null()]),
  /** HSA-id of the administrator who changed it last; null for the default setup. */
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});
export type AdminErrandType = Static<typeof AdminErrandType>;

export const AdminErrandTypeList = Type.Object({ items: Type.Array(AdminErrandType) });

export const FormVersionSummary = Type.Object({
  version: Type.Integer(),
  createdAt: Timestamp,
  createdBy: Type.Union([Type.String(), Type.Null()]),
});

export const AdminErrandTypeDetail = Type.Object({
  ...AdminErrandType.properties,
  /** The current version's form definitions (null before the type is set up). */
  citizenForm: Type.Unknown(),
  answerForm: Type.Unknown(),
  versions: Type.Array(FormVersionSummary),
});

export const ErrandTypeSettingsBody = Type.Object(
  {
    enabled: Type.Boolean(),
    openToProxies: Type.Boolean(),
    citizenMayReply: Type.Boolean(),
    /** Base types only; left out, the current options stay. */
    options: Type.Optional(Type.Record(Type.String({ maxLength: 80 }), Type.Unknown())),
  },
  strict,
);
export type ErrandTypeSettingsBody = Static<typeof ErrandTypeSettingsBody>;

const definitionProperties = {
  name: localizedInput(ERRAND_TYPE_NAME_MAX_LENGTH),
  description: localizedInput(ERRAND_TYPE_DESCRIPTION_MAX_LENGTH),
  /** The form the citizen fills in (a form definition). */
  citizenForm: Type.Unknown(),
  /** The caregiver's answer form; left out, a free-text message and "may the citizen reply". */
  answerForm: Type.Optional(Type.Unknown()),
};

export const CreateCustomErrandTypeBody = Type.Object(
  {
    ...definitionProperties,
    enabled: Type.Optional(Type.Boolean({ default: true })),
    openToProxies: Type.Boolean(),
    citizenMayReply: Type.Boolean(),
  },
  strict,
);
export type CreateCustomErrandTypeBody = Static<typeof CreateCustomErrandTypeBody>;

export const CustomErrandTypeDefinitionBody = Type.Object(
  {
    ...definitionProperties,
    /** The version the administrator started from; when another change came first, 409. */
    baseVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  strict,
);
export type CustomErrandTypeDefinitionBody = Static<typeof CustomErrandTypeDefinitionBody>;

export const SavedErrandType = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  /** Whether this change made a new form version (errands already sent keep theirs). */
  newVersion: Type.Boolean(),
});

export const PreviewCustomFormsBody = Type.Object(
  { citizenForm: Type.Unknown(), answerForm: Type.Optional(Type.Unknown()) },
  strict,
);
export const PreviewBaseFormsBody = Type.Object(
  { options: Type.Optional(Type.Record(Type.String({ maxLength: 80 }), Type.Unknown())) },
  strict,
);

/** Either the problems, or the definitions exactly as they would be saved. */
export const FormPreview = Type.Object({
  valid: Type.Boolean(),
  problems: Type.Array(FieldError),
  citizenForm: Type.Unknown(),
  answerForm: Type.Unknown(),
});
export type FormPreview = Static<typeof FormPreview>;

export const QuestionnaireQuery = Type.Object(
  { form: Type.Optional(Type.Union([Type.Literal('citizen'), Type.Literal('answer')])) },
  strict,
);
