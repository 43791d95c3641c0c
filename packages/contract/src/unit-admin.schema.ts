import { type Static, Type } from 'typebox';
import { SERVICE_ADMIN_ACTIONS } from './connected-service.schema.ts';
import {
  EXTERNAL_LINK_TITLE_MAX_LENGTH,
  EXTERNAL_LINK_URL_MAX_LENGTH,
  localizedInput,
  MAX_EXTERNAL_LINKS,
} from './errand-types.schema.ts';
import { Cursor, Id } from './errands.schema.ts';
import { UnitContactSettings, UnitContactSettingsBody } from './unit-contact.schema.ts';

// A unit's own settings, its external links, and the record of who changed what.

const strict = { additionalProperties: false } as const;
const Timestamp = Type.Integer({ description: 'Epoch milliseconds.' });

export const StaffNamesDisplay = Type.Union([Type.Literal('full-name'), Type.Literal('profession')]);

export const MailboxNotifications = Type.Union([Type.Literal('each'), Type.Literal('daily-digest')]);

export const UnitSettings = Type.Object(
  {
    /** Where "something new has arrived" e-mails go (never any content); null: no e-mails. */
    notificationEmail: Type.Union([Type.String(), Type.Null()]),
    /** How staff are named to citizens: full name, or profession only. */
    staffNames: StaffNamesDisplay,
    /** How the mailbox hears of new errands and citizens' replies: an e-mail each time, or one a day. */
    mailboxNotifications: MailboxNotifications,
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
    /** Left out: unchanged. */
    mailboxNotifications: Type.Optional(MailboxNotifications),
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

/** The whole list of links in its new order; a link without an id is new, one left out is removed. */
export const ExternalLinkListBody = Type.Object(
  {
    links: Type.Array(
      Type.Object(
        { id: Type.Union([Id, Type.Null()]), ...ExternalLinkBody.properties },
        { additionalProperties: false },
      ),
      { maxItems: MAX_EXTERNAL_LINKS },
    ),
  },
  strict,
);
export type ExternalLinkListBody = Static<typeof ExternalLinkListBody>;

/**
 * The unit settings page's one save: the settings, the contact card and the links, each left out
 * when unchanged, written in one transaction (all or nothing). A problem names its part and field
 * (`body.settings.notificationEmail`, `body.contactCard.phone`, `body.links.1.url`).
 */
export const UnitSettingsPageBody = Type.Object(
  {
    settings: Type.Optional(UnitSettingsBody),
    contactCard: Type.Optional(UnitContactSettingsBody),
    links: Type.Optional(ExternalLinkListBody.properties.links),
  },
  { ...strict, minProperties: 1 },
);
export type UnitSettingsPageBody = Static<typeof UnitSettingsPageBody>;

/** The page after its save: all three parts as they now are. */
export const UnitSettingsPage = Type.Object({
  settings: UnitSettings,
  contactCard: UnitContactSettings,
  links: ExternalLinkList,
});
export type UnitSettingsPage = Static<typeof UnitSettingsPage>;

/** A unit of the same region, as the closure form offers it for cover: name and HSA id only. */
export const CoverUnitList = Type.Object({
  items: Type.Array(Type.Object({ hsaId: Type.String(), name: Type.String() })),
});
export type CoverUnitList = Static<typeof CoverUnitList>;

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
  'contact-card-changed',
  'answer-template-added',
  'answer-template-changed',
  'answer-template-removed',
  'closure-added',
  'closure-changed',
  'closure-removed',
  ...SERVICE_ADMIN_ACTIONS,
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

export const ANSWER_TEMPLATE_TITLE_MAX_LENGTH = 120;
export const ANSWER_TEMPLATE_TEXT_MAX_LENGTH = 5000;
export const MAX_ANSWER_TEMPLATES = 200;

/** A unit's standard answer: Swedish required, English optional (Swedish is shown where it is missing). */
export const AnswerTemplateBody = Type.Object(
  {
    title: Type.Object(
      {
        sv: Type.String({ minLength: 1, maxLength: ANSWER_TEMPLATE_TITLE_MAX_LENGTH }),
        en: Type.Optional(Type.String({ maxLength: ANSWER_TEMPLATE_TITLE_MAX_LENGTH })),
      },
      strict,
    ),
    text: Type.Object(
      {
        sv: Type.String({ minLength: 1, maxLength: ANSWER_TEMPLATE_TEXT_MAX_LENGTH }),
        en: Type.Optional(Type.String({ maxLength: ANSWER_TEMPLATE_TEXT_MAX_LENGTH })),
      },
      strict,
    ),
    /** The errand types it is for; empty: every type. */
    errandTypes: Type.Array(Type.String({ minLength: 1, maxLength: 80, pattern: '^[a-z0-9-]+$' }), {
      maxItems: 30,
      uniqueItems: true,
    }),
  },
  strict,
);
export type AnswerTemplateBody = Static<typeof AnswerTemplateBody>;

export const AnswerTemplate = Type.Object({
  id: Id,
  title: Type.Object({ sv: Type.String(), en: Type.Union([Type.String(), Type.Null()]) }),
  text: Type.Object({ sv: Type.String(), en: Type.Union([Type.String(), Type.Null()]) }),
  errandTypes: Type.Array(Type.String()),
  updatedAt: Timestamp,
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});
export type AnswerTemplate = Static<typeof AnswerTemplate>;

export const AnswerTemplateList = Type.Object({ items: Type.Array(AnswerTemplate) });

export const AnswerTemplateQuery = Type.Object(
  { errandType: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })) },
  strict,
);
