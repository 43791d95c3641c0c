import type { FieldError } from '@kontakta/contract';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, problemOf } from './problem.ts';
import { requestLanguage } from './request-language.ts';

// Fastify's own errors, mapped to our stable codes so no client ever sees an FST_ code or a 500
// for input it got wrong.
const FASTIFY_CODES: Record<string, AppError['code']> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad-request',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload-too-large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid-json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid-json',
  FST_ERR_CTP_EMPTY_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported-media-type',
  FST_ERR_VALIDATION: 'validation-failed',
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'internal-error') {
      // The error itself may carry user data in its message; log its type and stack only.
      request.log.error({ err: { type: error.name, code: error.code, stack: error.stack } }, 'request failed');
    }
    return sendProblem(request, reply, appError);
  });

  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, new AppError('not-found')));
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const problem = problemOf(error.code, requestLanguage(request), request.id, {
    // Our own errors carry a stable reason (e.g. why a transition was refused) as the detail.
    ...(error.message !== error.code ? { detail: error.message } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
  });
  if (error.retryAfterSeconds !== undefined) reply.header('Retry-After', String(error.retryAfterSeconds));
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (error.validation) {
    const context = error.validationContext ?? 'body';
    const errors: FieldError[] = error.validation.map((v) => ({
      path: fieldPath(context, v.instancePath, v.params),
      code: v.keyword,
      message: v.message ?? 'is not valid',
    }));
    return new AppError('validation-failed', undefined, errors);
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) return new AppError(mapped);
  if (error instanceof SyntaxError) return new AppError('invalid-json');
  if (error.statusCode === 413) return new AppError('payload-too-large');
  if (error.statusCode === 415) return new AppError('unsupported-media-type');
  if (error.statusCode === 429) return new AppError('too-many-requests');
  if (error.statusCode === 408) return new AppError('request-timeout');
  if (error.statusCode === 503) return new AppError('service-unavailable');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return new AppError('bad-request');
  return new AppError('internal-error');
}

/** `body.medicines.2.name` style paths from Ajv's JSON pointers, naming the missing property too. */
function fieldPath(context: string, instancePath: string, params: Record<string, unknown>): string {
  const parts = instancePath.split('/').filter(Boolean);
  if (typeof params.missingProperty === 'string') parts.push(params.missingProperty);
  if (typeof params.additionalProperty === 'string') parts.push(params.additionalProperty);
  return [context, ...parts].join('.');
}
