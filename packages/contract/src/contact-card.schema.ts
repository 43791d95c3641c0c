import { type Static, Type } from 'typebox';
import { ContactCardService } from './connected-service.schema.ts';
import { Cursor, Localized } from './errands.schema.ts';
import { ContactCardClosure, ReplyTime, UnitContactDetails } from './unit-contact.schema.ts';

/** A care unit as a citizen finds it. */
export const UnitView = Type.Object({
  hsaId: Type.String(),
  name: Type.String(),
  municipality: Type.String(),
  address: Type.String(),
  kind: Type.String(),
});
export type UnitView = Static<typeof UnitView>;

/** One of the citizen's own units: where they are listed ("Din vårdcentral") and where they have sent errands. */
export const MyUnit = Type.Object({
  ...UnitView.properties,
  /** The population register lists the citizen at this unit (their health centre). */
  listed: Type.Boolean(),
  /** The citizen has sent an errand to this unit. */
  used: Type.Boolean(),
});
export type MyUnit = Static<typeof MyUnit>;

/** The citizen's units: the listed unit first, then the units they have used, by name. */
export const UnitList = Type.Object({ items: Type.Array(MyUnit) });

/** Any words of a unit's name, municipality or city. */
export const UnitSearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 100 }),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
);

export const UnitSearchPage = Type.Object({
  items: Type.Array(UnitView),
  nextCursor: Type.Union([Cursor, Type.Null()]),
});

/** An errand type's form as the citizen opens it: the errand is sent with this `formVersionId`. */
export const OpenedErrandForm = Type.Object({
  formVersionId: Type.String(),
  version: Type.Integer(),
  definition: Type.Unknown(),
});
export type OpenedErrandForm = Static<typeof OpenedErrandForm>;

/** One errand type on a unit's contact card. */
export const ContactCardErrandType = Type.Object({
  id: Type.String(),
  name: Localized,
  description: Localized,
  /** False: a guardian acting for a child cannot use it (shown with a padlock). */
  openToProxies: Type.Boolean(),
  /** The reply time the unit promises for this type; null when it has not said. */
  replyTime: Type.Union([ReplyTime, Type.Null()]),
});
export type ContactCardErrandType = Static<typeof ContactCardErrandType>;

/**
 * The unit's contact card: how to reach it (phone, visiting address, opening hours, description),
 * what it offers in the order of the national list, and its links out.
 */
export const ContactCard = Type.Object({
  unit: UnitView,
  contact: UnitContactDetails,
  errandTypes: Type.Array(ContactCardErrandType),
  links: Type.Array(Type.Object({ title: Localized, url: Type.String() })),
  /** Connected external services the unit shows (registered by its region or by itself), by name. */
  services: Type.Array(ContactCardService),
  /** A scheduled closure going on or coming (beyond 1177), or null. */
  closure: Type.Union([ContactCardClosure, Type.Null()]),
});
export type ContactCard = Static<typeof ContactCard>;
