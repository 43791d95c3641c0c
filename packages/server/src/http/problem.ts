import type { ErrorCode, Problem } from '@kontakta/contract';
import type { Language } from '@kontakta/domain';

export { AppError } from '../use-cases/app-error.ts';

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
  'invalid-credentials': 401,
  'invalid-code': 401,
  'code-expired': 401,
  'code-resend-too-soon': 429,
  'code-resend-limit-reached': 409,
  'login-refused': 403,
  forbidden: 403,
  'proxy-refused': 403,
  'recent-login-required': 403,
  'csrf-check-failed': 403,
  'not-found': 404,
  'errand-deleted': 410,
  'method-not-allowed': 405,
  conflict: 409,
  'idempotency-key-reused': 422,
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
  'invalid-credentials': {
    sv: 'Fel personnummer eller lösenord',
    en: 'Wrong personal identity number or password',
  },
  'invalid-code': { sv: 'Fel kod, försök igen', en: 'Wrong code, try again' },
  'code-expired': {
    sv: 'Koden gäller inte längre, logga in igen för att få en ny kod',
    en: 'The code is no longer valid; log in again to get a new one',
  },
  'code-resend-too-soon': {
    sv: 'Vänta en stund innan du ber om en ny kod',
    en: 'Wait a moment before asking for a new code',
  },
  'code-resend-limit-reached': {
    sv: 'Du kan inte få fler koder för den här inloggningen, logga in igen',
    en: 'No more codes for this login; log in again',
  },
  'login-refused': {
    sv: 'Du kan inte logga in i Kontakta, logga in med e-legitimation',
    en: 'You cannot log in to Kontakta this way; log in with e-ID',
  },
  forbidden: { sv: 'Du har inte behörighet', en: 'You are not allowed to do this' },
  'proxy-refused': { sv: 'Du kan inte vara ombud för barnet', en: 'You cannot act as proxy for the child' },
  'recent-login-required': {
    sv: 'Logga in igen för att ändra var du får meddelanden',
    en: 'Log in again to change where you are notified',
  },
  'csrf-check-failed': {
    sv: 'Förfrågan kom inte från Kontakta, ladda om sidan',
    en: 'The request did not come from Kontakta; reload the page',
  },
  'not-found': { sv: 'Sidan eller uppgiften finns inte', en: 'Not found' },
  'errand-deleted': {
    sv: 'Ärendet har tagits bort enligt reglerna för hur länge ärenden sparas',
    en: 'The errand was deleted under the rules for how long errands are kept',
  },
  'method-not-allowed': { sv: 'Metoden stöds inte', en: 'Method not allowed' },
  conflict: { sv: 'Det går inte i det här läget', en: 'Not possible in the current state' },
  'idempotency-key-reused': {
    sv: 'Idempotency-Key har redan använts för en annan förfrågan',
    en: 'The Idempotency-Key was already used for another request',
  },
  'too-many-requests': { sv: 'För många försök, vänta en stund', en: 'Too many attempts, please wait' },
  'request-timeout': { sv: 'Förfrågan tog för lång tid', en: 'The request took too long' },
  'service-unavailable': { sv: 'Tjänsten är inte tillgänglig just nu', en: 'The service is unavailable right now' },
  'internal-error': { sv: 'Något gick fel hos oss', en: 'Something went wrong on our side' },
};

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
