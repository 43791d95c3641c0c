import type { ErrorCode, FieldError } from '@kontakta/contract';

/**
 * The one error type use cases and routes throw; `code` is stable, the HTTP status comes from
 * one table in http/problem.ts.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[] | undefined;
  /** For a limit: when to try again, sent as `Retry-After`. */
  readonly retryAfterSeconds: number | undefined;
  constructor(code: ErrorCode, detail?: string, errors?: FieldError[], options?: { retryAfterSeconds?: number }) {
    super(detail ?? code);
    this.name = 'AppError';
    this.code = code;
    this.errors = errors;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}
