import { type Static, Type } from 'typebox';
import { PersonnummerInput } from './auth.schema.ts';
import { Id } from './errands.schema.ts';

// The reasons a guardian may not be proxy for a child, the `detail` of a `proxy-refused` problem,
// are the domain's PROXY_REFUSALS.

/** A child the guardian is proxy (ombud) for. */
export const ProxyChild = Type.Object({
  childId: Id,
  name: Type.String(),
  /** YYYYMMDD-NNNC, for the guardian to recognise which child. */
  personnummer: Type.String(),
  /** The ISO date the proxy ends by itself (the age-limit birthday). */
  endsOn: Type.String({ format: 'date' }),
});
export type ProxyChild = Static<typeof ProxyChild>;

export const ProxyList = Type.Object({
  items: Type.Array(ProxyChild),
  /** The age limit of this installation (13 unless changed). */
  ageLimit: Type.Integer(),
});
export type ProxyList = Static<typeof ProxyList>;

export const AddProxyRequest = Type.Object({ personnummer: PersonnummerInput }, { additionalProperties: false });
export type AddProxyRequest = Static<typeof AddProxyRequest>;

export const ChildParams = Type.Object({ childId: Id });

/** Whom the session acts for: a child (by id) or, with null, the guardian themself. */
export const ActingForRequest = Type.Object(
  { childId: Type.Union([Id, Type.Null()]) },
  { additionalProperties: false },
);
export type ActingForRequest = Static<typeof ActingForRequest>;
