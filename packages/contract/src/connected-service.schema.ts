import { type Static, Type } from 'typebox';
import { localizedInput } from './errand-types.schema.ts';
import { Cursor, HsaId } from './errands.schema.ts';

// Connected external services (issue 16 point 2): e-services a region or a unit registers, shown
// on its units' contact cards. A service may take a hand-over of the citizen's login through
// OpenID Connect: then it has a client id, a secret shown once, redirect URIs and the claims it was
// approved for.

const strict = { additionalProperties: false } as const;
const Timestamp = Type.Integer({ description: 'Epoch milliseconds.' });
const Text2 = Type.Object({ sv: Type.String(), en: Type.String() });

export const SERVICE_NAME_MAX_LENGTH = 100;
export const SERVICE_DESCRIPTION_MAX_LENGTH = 500;
export const SERVICE_URL_MAX_LENGTH = 2000;
export const MAX_SERVICE_UNITS = 500;
export const MAX_SERVICE_REDIRECT_URIS = 10;
export const MAX_SERVICES = 200;

/** What a service may be handed: the citizen's name, their personnummer (only if approved). */
export const SERVICE_CLAIMS = ['name', 'personnummer'] as const;
export type ServiceClaim = (typeof SERVICE_CLAIMS)[number];

export const ServiceHandOverBody = Type.Object(
  {
    /** https, or http://localhost for development. */
    redirectUris: Type.Array(Type.String({ minLength: 1, maxLength: SERVICE_URL_MAX_LENGTH }), {
      minItems: 1,
      maxItems: MAX_SERVICE_REDIRECT_URIS,
    }),
    claims: Type.Array(Type.Enum(SERVICE_CLAIMS), { maxItems: SERVICE_CLAIMS.length }),
  },
  strict,
);

export const ConnectedServiceBody = Type.Object(
  {
    name: localizedInput(SERVICE_NAME_MAX_LENGTH),
    description: localizedInput(SERVICE_DESCRIPTION_MAX_LENGTH),
    /** https only: where the contact card sends the citizen. */
    url: Type.String({ minLength: 1, maxLength: SERVICE_URL_MAX_LENGTH }),
    /** The units whose contact cards show it: the region's units, or for a unit's service the unit itself. */
    units: Type.Array(HsaId, { maxItems: MAX_SERVICE_UNITS }),
    /** The login hand-over, or null for a plain link. */
    handOver: Type.Union([ServiceHandOverBody, Type.Null()]),
  },
  strict,
);
export type ConnectedServiceBody = Static<typeof ConnectedServiceBody>;

export const ConnectedService = Type.Object({
  id: Type.String(),
  name: Text2,
  description: Text2,
  url: Type.String(),
  /** Registered by the region (unitHsaId null) or by one unit. */
  owner: Type.Object({
    kind: Type.Union([Type.Literal('region'), Type.Literal('unit')]),
    unitHsaId: Type.Union([Type.String(), Type.Null()]),
  }),
  units: Type.Array(Type.Object({ hsaId: Type.String(), name: Type.String() })),
  handOver: Type.Union([
    Type.Object({
      clientId: Type.String(),
      redirectUris: Type.Array(Type.String()),
      claims: Type.Array(Type.String()),
    }),
    Type.Null(),
  ]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  updatedBy: Type.String(),
});
export type ConnectedService = Static<typeof ConnectedService>;

export const ConnectedServiceList = Type.Object({
  items: Type.Array(ConnectedService),
  nextCursor: Type.Union([Cursor, Type.Null()]),
});
export type ConnectedServiceList = Static<typeof ConnectedServiceList>;

/**
 * A page of a list of services, by Swedish name. `limit` is a string of digits (1–100, 50 when
 * left out): a query string is text, and an integer schema would refuse every `?limit=`.
 */
export const ConnectedServiceListQuery = Type.Object(
  {
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.String({ pattern: '^(100|[1-9][0-9]?)$', description: '1–100' })),
  },
  strict,
);
export type ConnectedServiceListQuery = Static<typeof ConnectedServiceListQuery>;

/** A saved service; `clientSecret` is set only when the save created the client (shown this once). */
export const SavedConnectedService = Type.Object({
  service: ConnectedService,
  clientSecret: Type.Union([Type.String(), Type.Null()]),
});
export type SavedConnectedService = Static<typeof SavedConnectedService>;

/** A new client secret, shown this once; the old one stops working. */
export const ServiceClientSecret = Type.Object({ clientId: Type.String(), clientSecret: Type.String() });
export type ServiceClientSecret = Static<typeof ServiceClientSecret>;

/** A service on a contact card. */
export const ContactCardService = Type.Object({
  id: Type.String(),
  name: Text2,
  description: Text2,
  url: Type.String(),
  /** The service takes a hand-over of the citizen's Kontakta login. */
  handOver: Type.Boolean(),
});
export type ContactCardService = Static<typeof ContactCardService>;

export const SERVICE_ADMIN_ACTIONS = [
  'service-registered',
  'service-changed',
  'service-removed',
  'service-secret-renewed',
] as const;
export type ServiceAdminAction = (typeof SERVICE_ADMIN_ACTIONS)[number];

/**
 * A service asks for the citizen's login: what the service is and which claims it would get, and
 * whether the citizen has consented to exactly that before (then the web app answers at once).
 */
export const HandOverView = Type.Object({
  service: Type.Object({ name: Text2, description: Text2, url: Type.String() }),
  /** The claims the service is approved for ('name', 'personnummer'); the pseudonymous id always. */
  claims: Type.Array(Type.String()),
  remembered: Type.Boolean(),
});
export type HandOverView = Static<typeof HandOverView>;

export const HandOverAnswerBody = Type.Object({ accept: Type.Boolean() }, strict);

export const HandOverRedirect = Type.Object({ redirectTo: Type.String() });

/**
 * A service the citizen has let Kontakta hand their login over to: what it gets, since when, and
 * when it last got it. Withdrawing the consent means the next hand-over asks again.
 */
export const ServiceConsent = Type.Object({
  serviceId: Type.String(),
  service: Type.Object({ name: Text2, url: Type.String() }),
  /** The claims consented to ('name', 'personnummer'); the pseudonymous id always. */
  claims: Type.Array(Type.String()),
  grantedAt: Timestamp,
  lastHandOverAt: Type.Union([Timestamp, Type.Null()]),
});
export type ServiceConsent = Static<typeof ServiceConsent>;

export const ServiceConsentList = Type.Object({
  items: Type.Array(ServiceConsent),
  nextCursor: Type.Union([Cursor, Type.Null()]),
});
export type ServiceConsentList = Static<typeof ServiceConsentList>;
