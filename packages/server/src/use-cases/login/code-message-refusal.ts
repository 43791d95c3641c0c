import { AppError } from '../app-error.ts';

/** Why a login code was not sent: a limit (429 with Retry-After), or a number Kontakta does not text. */
export type CodeMessageRefusal =
  | Readonly<{ ok: false; problem: 'throttled'; retryAfterSeconds: number }>
  | Readonly<{ ok: false; problem: 'refused'; reason: 'sms-not-allowed' }>;

/** What queueCodeMessage's refusal means for a login step; undefined for any other error. */
export function codeMessageRefusal(error: unknown): CodeMessageRefusal | undefined {
  if (!(error instanceof AppError)) return undefined;
  if (error.code === 'too-many-requests') {
    return { ok: false, problem: 'throttled', retryAfterSeconds: error.retryAfterSeconds ?? 60 };
  }
  if (error.code === 'validation-failed') return { ok: false, problem: 'refused', reason: 'sms-not-allowed' };
  return undefined;
}
