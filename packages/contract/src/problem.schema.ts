import { type Static, Type } from 'typebox';

/**
 * Stable error codes. Clients branch on `code`, never on the human-readable title; the HTTP
 * status for each code is decided in one table on the server.
 */
export const ERROR_CODES = [
  'bad-request',
  'validation-failed',
  'invalid-json',
  'invalid-characters',
  'too-deeply-nested',
  'unsupported-media-type',
  'payload-too-large',
  'not-authenticated',
  'invalid-credentials',
  'invalid-code',
  'code-expired',
  /** "Send a new code" asked again before the pause between codes has passed (see Retry-After). */
  'code-resend-too-soon',
  /** "Send a new code" asked more often than a login allows; log in with the password again. */
  'code-resend-limit-reached',
  'login-refused',
  'forbidden',
  /**
   * A guardian may not be proxy (ombud) for this child; `detail` says why: `child-not-in-register`,
   * `not-guardian`, `child-deceased`, `protected-identity` or `child-too-old`.
   */
  'proxy-refused',
  /** Changing where notifications go needs a login within the last 10 minutes: log in again. */
  'recent-login-required',
  'csrf-check-failed',
  'not-found',
  /** The errand was deleted by retention (its last event was more than two years ago); `detail` tells more. */
  'errand-deleted',
  'method-not-allowed',
  'conflict',
  /** An `Idempotency-Key` used again with another request (another body or route): use a new key. */
  'idempotency-key-reused',
  'too-many-requests',
  'request-timeout',
  'service-unavailable',
  'internal-error',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const FieldError = Type.Object(
  {
    path: Type.String({ description: 'Where the problem is, e.g. `medicines[2].name` or `body.language`.' }),
    code: Type.String(),
    message: Type.String({ description: "In the caller's language." }),
  },
  { $id: 'FieldError' },
);
export type FieldError = Static<typeof FieldError>;

/** RFC 9457 problem details, the body of every error response (`application/problem+json`). */
export const Problem = Type.Object(
  {
    type: Type.String({ description: 'A URN naming the problem kind: `urn:kontakta:problem:<code>`.' }),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.Enum(ERROR_CODES),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String({ description: 'The request id, for support.' })),
    errors: Type.Optional(Type.Array(FieldError)),
  },
  { $id: 'Problem' },
);
export type Problem = Static<typeof Problem>;
