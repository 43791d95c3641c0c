import { type Static, Type } from 'typebox';
import { Cursor, Localized } from './errands.schema.ts';

/** A care unit as a citizen finds it. */
export const UnitView = Type.Object({
  hsaId: Type.String(),
  name: Type.String(),
  municipality: Type.String(),
  address: Type.String(),
  kind: Type.String(),
});
export type UnitView = Static<typeof UnitView>;

/** The units the citizen has used. */
export const UnitList = Type.Object({ items: Type.Array(UnitView) });

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
});
export type ContactCardErrandType = Static<typeof ContactCardErrandType>;

/** The unit's contact card: what it offers, in the order of the national list, and its links out. */
export const ContactCard = Type.Object({
  unit: UnitView,
  errandTypes: Type.Array(ContactCardErrandType),
  links: Type.Array(Type.Object({ title: Localized, url: Type.String() })),
});
export type ContactCard = Static<typeof ContactCard>;
