import { Type } from 'typebox';

// Where a citizen wanted to go before logging in (a bookmark, a link in a notification): a page of
// this site, kept through the login and opened after it. Never an open redirect: only a relative
// path with a single leading slash, from a short list of characters, not too long, and not the
// API. The server checks it before storing it with the login flow and again before redirecting;
// the web checks it before linking or navigating. Anything else means the start page.

export const RETURN_PATH_MAX_LENGTH = 512;

/**
 * `/` then characters of a path and query only (letters, digits, `-._~!*'()%/?=&+,`): no second
 * slash first (`//host` is another site), no backslash (`/\host` too, to browsers), no scheme, no
 * spaces or control characters, no fragment.
 */
const RETURN_PATH = /^\/(?![/\\])[A-Za-z0-9\-._~!*'()%/?=&+,]*$/;

/** The API is no page to land on. */
const API = /^\/api(?:[/?]|$)/;

/** The path if it is a safe place to return to after login, else undefined. */
export function safeReturnPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > RETURN_PATH_MAX_LENGTH) return undefined;
  if (!RETURN_PATH.test(value) || value.includes('//') || API.test(value)) return undefined;
  return value;
}

/**
 * The query of the citizen's e-ID login start. Loose on purpose (only a bound on size): a path that
 * is not safe is dropped and the login goes to the start page, rather than a 400 page.
 */
export const EidStartQuery = Type.Object(
  { returnTo: Type.Optional(Type.String({ maxLength: 2048 })) },
  { additionalProperties: false },
);
