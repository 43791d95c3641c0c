import type { ErrorCode, Problem } from '@kontakta/contract';
import type { Language } from '@kontakta/domain';
import { type ServerText, serverTexts } from '../i18n/server-texts.ts';

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

/** A problem's title, in the caller's language, from the server's message catalogue. */
export function problemTitle(code: ErrorCode, text: ServerText): string {
  return text(`problem.${code}`);
}

export function problemOf(code: ErrorCode, language: Language, requestId: string, extra?: Partial<Problem>): Problem {
  return {
    type: `urn:kontakta:problem:${code}`,
    title: problemTitle(code, serverTexts(language)),
    status: STATUS_OF[code],
    code,
    instance: requestId,
    ...extra,
  };
}
