import type { FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';
import { maskDeep, maskPersonnummer, REDACT_PATHS } from './redaction.ts';

/**
 * Options for the process logger (Fastify's pino). Request logs carry the method, the route
 * template and the path without its query string: a query may hold a personnummer or a search term.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    formatters: { log: (object) => maskDeep(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((arg) => (typeof arg === 'string' ? maskPersonnummer(arg) : arg));
        return method.apply(this, masked as Parameters<typeof method>);
      },
    },
    serializers: {
      req: (request: FastifyRequest) => ({
        id: request.id,
        method: request.method,
        route: request.routeOptions?.url,
        path: maskPersonnummer(String(request.url ?? request.raw?.url ?? '').split('?')[0] ?? ''),
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  };
}
