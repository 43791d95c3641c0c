// Tables of connected external services (migration 2026-12-06-22).

/**
 * An external e-service registered by a region (`owner_unit_hsa_id` null) or by one of its units.
 * The OpenID Connect columns are all null for a plain link, all set for a service that takes a
 * hand-over of the citizen's login.
 */
export type ConnectedServiceTable = {
  id: string;
  region_code: string;
  owner_unit_hsa_id: string | null;
  name_sv: string;
  name_en: string;
  description_sv: string;
  description_en: string;
  url: string;
  client_id: string | null;
  /** Hex SHA-256 of the client secret (a 256-bit random value, so no slow hash is needed). */
  client_secret_hash: string | null;
  /** JSON array of the redirect URIs. */
  redirect_uris: string | null;
  /** JSON array of the approved claims ('name', 'personnummer'). */
  claims: string | null;
  created_at: number;
  updated_at: number;
  updated_by: string;
};

/** Which units' contact cards show a service. */
export type ConnectedServiceUnitTable = {
  service_id: string;
  unit_hsa_id: string;
};

/** A citizen's consent to hand their login over to a service; `subject` is what the service knows them by. */
export type ConnectedServiceConsentTable = {
  service_id: string;
  citizen_id: string;
  /** A random, pairwise pseudonym: another service gets another one for the same citizen. */
  subject: string;
  /** JSON array of the claims consented to. */
  claims: string;
  granted_at: number;
};

/** A citizen withdrew a consent (append-only; migration 2026-12-06-26). */
export type ConnectedServiceConsentEventTable = {
  id: string;
  at: number;
  service_id: string;
  citizen_id: string;
  kind: 'withdrawn';
  /** JSON array of the claims the consent was for. */
  claims: string;
};

/** One hand-over of a citizen's login to a service (append-only). */
export type ConnectedServiceHandOverTable = {
  id: string;
  at: number;
  service_id: string;
  citizen_id: string;
  /** JSON array of the claims handed over (names only). */
  claims: string;
};

/** oidc-provider's state, by model (Interaction, AuthorizationCode, Grant, ...) and id. */
export type OidcPayloadTable = {
  model: string;
  id: string;
  payload: string;
  grant_id: string | null;
  uid: string | null;
  expires_at: number | null;
};

export type OidcSigningKeyTable = {
  /** The key's `kid`. */
  id: string;
  wrapped_key: Uint8Array;
  /** The master key that wraps `wrapped_key`. */
  key_id: string;
  sealed_jwk: Uint8Array;
  created_at: number;
};
