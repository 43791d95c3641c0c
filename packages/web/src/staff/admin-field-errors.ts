import type { FieldError } from '@kontakta/contract';
import { ApiError } from '../api/api-client.ts';

// Refusals from the unit administration API, made ready for an error summary. The server's own
// checks send a message in the reader's language; a refusal by the HTTP schema (a text too long
// or empty) carries the schema keyword as its code and a message in English, so the page writes
// its own text for those.

/** JSON Schema keywords: the codes of the HTTP schema's refusals. */
const SCHEMA_KEYWORDS = new Set([
  'minLength',
  'maxLength',
  'type',
  'required',
  'pattern',
  'additionalProperties',
  'format',
  'enum',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'const',
  'anyOf',
]);

export function isSchemaRefusal(error: Pick<FieldError, 'code'>): boolean {
  return SCHEMA_KEYWORDS.has(error.code);
}

/** The field problems in a refusal; none when it was not a validation refusal. */
export function fieldErrorsOf(error: unknown): readonly FieldError[] {
  return error instanceof ApiError ? (error.problem?.errors ?? []) : [];
}

/**
 * The field problems of one part of a page's one save (`settings` of the unit settings page), as
 * that part's own save would name them: `body.settings.notificationEmail` → `body.notificationEmail`.
 */
export function fieldErrorsUnder(error: unknown, part: string): readonly FieldError[] {
  const prefix = `body.${part}`;
  return fieldErrorsOf(error)
    .filter((fieldError) => fieldError.path === prefix || fieldError.path.startsWith(`${prefix}.`))
    .map((fieldError) => ({ ...fieldError, path: `body${fieldError.path.slice(prefix.length)}` }));
}

/** The refusal's stable reason (`external-link-limit-reached`), when it has one. */
export function refusalDetail(error: unknown): string | undefined {
  return error instanceof ApiError ? error.problem?.detail : undefined;
}
