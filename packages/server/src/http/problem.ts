import type { ErrorCode, FieldError, Problem } from '@kontakta/contract';

/** The one error type use cases and routes throw; `code` is stable, the status comes from the table below. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[] | undefined;
  constructor(code: ErrorCode, detail?: string, errors?: FieldError[]) {
    super(detail ?? code);
    this.name = 'AppError';
    this.code = code;
    this.errors = errors;
  }
}

/** The only place an error code meets an HTTP status. */
export const STATUS_OF: Record<ErrorCode, number> = {
  'bad-request': 400,
  'validation-failed': 400,
  'invalid-json': 400,
  'invalid-characters': 400,
  'too-deeply-nested': 400,
  'unsupported-media-type': 415,
  'payload-too-large': 413,
  'not-authenticated': 401,
  forbidden: 403,
  'csrf-check-failed': 403,
  'not-found': 404,
  'method-not-allowed': 405,
  conflict: 409,
  'too-many-requests': 429,
  'request-timeout': 408,
  'service-unavailable': 503,
  'internal-error': 500,
};

const TITLES: Record<ErrorCode, { sv: string; en: string }> = {
  'bad-request': { sv: 'Felaktig förfrågan', en: 'Bad request' },
  'validation-failed': { sv: 'Uppgifterna behöver rättas', en: 'Some fields need correcting' },
  'invalid-json': { sv: 'Innehållet är inte giltig JSON', en: 'The body is not valid JSON' },
  'invalid-characters': { sv: 'Texten innehåller otillåtna tecken', en: 'The text contains characters not allowed' },
  'too-deeply-nested': { sv: 'Innehållet är för djupt nästlat', en: 'The body is nested too deeply' },
  'unsupported-media-type': { sv: 'Innehållstypen stöds inte', en: 'Unsupported content type' },
  'payload-too-large': { sv: 'Innehållet är för stort', en: 'The body is too large' },
  'not-authenticated': { sv: 'Du behöver logga in', en: 'You need to log in' },
  forbidden: { sv: 'Du har inte behörighet', en: 'You are not allowed to do this' },
  'csrf-check-failed': {
    sv: 'Förfrågan kom inte från Kontakta, ladda om sidan',
    en: 'The request did not come from Kontakta; reload the page',
  },
  'not-found': { sv: 'Sidan eller uppgiften finns inte', en: 'Not found' },
  'method-not-allowed': { sv: 'Metoden stöds inte', en: 'Method not allowed' },
  conflict: { sv: 'Det går inte i det här läget', en: 'Not possible in the current state' },
  'too-many-requests': { sv: 'För många försök, vänta en stund', en: 'Too many attempts, please wait' },
  'request-timeout': { sv: 'Förfrågan tog för lång tid', en: 'The request took too long' },
  'service-unavailable': { sv: 'Tjänsten är inte tillgänglig just nu', en: 'The service is unavailable right now' },
  'internal-error': { sv: 'Något gick fel hos oss', en: 'Something went wrong on our side' },
};

export type Language = 'sv' | 'en';

export function problemOf(code: ErrorCode, language: Language, requestId: string, extra?: Partial<Problem>): Problem {
  return {
    type: `urn:kontakta:problem:${code}`,
    title: TITLES[code][language],
    status: STATUS_OF[code],
    code,
    instance: requestId,
    ...extra,
  };
}
