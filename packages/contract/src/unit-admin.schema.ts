import { type Static, Type } from 'typebox';
import { EXTERNAL_LINK_TITLE_MAX_LENGTH, EXTERNAL_LINK_URL_MAX_LENGTH, localizedInput } from './errand-types.schema.ts';
import { Cursor, Id } from './errands.schema.ts';

// A unit's own settings, its external links, and the record of who changed what.

const strict = { additionalProperties: false } as const;
const Timestamp = Type.Integer({ description: 'Epoch milliseconds.' });

export const StaffNamesDisplay = Type.Union([Type.Literal('full-name'), Type.Literal('profession')]);

export const UnitSettings = Type.Object(
  {
    /** Where "something new has arrived" e-mails go (never any content); null: no e-mails. */
    notificationEmail: Type.Union([Type.String(), Type.Null()]),
    /** How staff are named to citizens: full name, or profession only. */
    staffNames: StaffNamesDisplay,
    updatedAt: Type.Union([Timestamp, Type.Null()]),
    updatedBy: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'UnitSettings' },
);
export type UnitSettings = Static<typeof UnitSettings>;

export const UnitSettingsBody = Type.Object(
  {
    notificationEmail: Type.Union([Type.String({ minLength: 3, maxLength: 254 }), Type.Null()]),
    staffNames: StaffNamesDisplay,
  },
  strict,
);
export type UnitSettingsBody = Static<typeof UnitSettingsBody>;

export const ExternalLink = Type.Object(
  {
    id: Type.String(),
    title: Type.Object({ sv: Type.String(), en: Type.String() }),
    url: Type.String(),
    position: Type.Integer(),
    updatedAt: Timestamp,
    updatedBy: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'ExternalLink' },
);
export type ExternalLink = Static<typeof ExternalLink>;

export const ExternalLinkList = Type.Object({ items: Type.Array(ExternalLink) });

export const ExternalLinkBody = Type.Object(
  {
    title: localizedInput(EXTERNAL_LINK_TITLE_MAX_LENGTH),
    /** https only. */
    url: Type.String({ minLength: 1, maxLength: EXTERNAL_LINK_URL_MAX_LENGTH }),
  },
  strict,
);
export type ExternalLinkBody = Static<typeof ExternalLinkBody>;

export const ExternalLinkOrderBody = Type.Object(
  { ids: Type.Array(Id, { maxItems: 100, description: 'Every link id of the unit, in the new order.' }) },
  strict,
);

export const UNIT_ADMIN_ACTIONS = [
  'errand-type-settings-changed',
  'custom-errand-type-created',
  'custom-errand-type-definition-changed',
  'custom-errand-type-retired',
  'unit-settings-changed',
  'external-link-added',
  'external-link-changed',
  'external-link-removed',
  'external-links-reordered',
] as const;
export type UnitAdminAction = (typeof UNIT_ADMIN_ACTIONS)[number];

export const UnitAdminChange = Type.Object({
  at: Timestamp,
  staffHsaId: Type.String(),
  staffName: Type.String(),
  action: Type.String(),
  errandType: Type.Union([Type.String(), Type.Null()]),
  /** The form version the change created. */
  formVersion: Type.Union([Type.Integer(), Type.Null()]),
  linkId: Type.Union([Type.String(), Type.Null()]),
});

/**
 * Query strings arrive as text and the server does not coerce types, so the page size is a
 * string of digits here (an integer schema would refuse every `?limit=`).
 */
export const UnitAdminChangeQuery = Type.Object(
  {
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.String({ pattern: '^(100|[1-9][0-9]?)$', description: '1–100' })),
  },
  strict,
);

export const UnitAdminChangeList = Type.Object({
  items: Type.Array(UnitAdminChange),
  nextCursor: Type.Union([Cursor, Type.Null()]),
});
