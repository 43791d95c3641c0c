import { type Static, Type } from 'typebox';
import { Localized } from './errands.schema.ts';

/** A care unit as a citizen finds it. */
export const UnitView = Type.Object({
  hsaId: Type.String(),
  name: Type.String(),
  municipality: Type.String(),
  address: Type.String(),
  kind: Type.String(),
});
export type UnitView = Static<typeof UnitView>;

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
