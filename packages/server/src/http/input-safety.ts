import type { FastifyInstance } from 'fastify';
import { AppError } from './problem.ts';

const MAX_DEPTH = 32;

/**
 * Refuses, before any schema runs, input that one of our databases cannot store or that costs
 * more to walk than it is worth: bodies that are not valid UTF-8, NUL characters (PostgreSQL text cannot hold them, SQLite can,
 * so we refuse them everywhere to behave the same) and deeply nested JSON.
 */
export function registerInputSafety(app: FastifyInstance): void {
  // JSON is read as bytes and decoded strictly: invalid UTF-8 would otherwise become U+FFFD and
  // be stored as if the citizen had written it.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch {
      done(
        new AppError('invalid-characters', undefined, [
          { path: 'body', code: 'invalid-utf8', message: 'is not valid UTF-8' },
        ]),
        undefined,
      );
      return;
    }
    parseJson(request, text, done);
  });
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['query', request.query],
      ['params', request.params],
      ['body', request.body],
    ] as const) {
      const problem = findProblem(value, part);
      if (problem) throw new AppError(problem.code, undefined, [{ path: problem.path, ...problem.field }]);
    }
  });
}

type Found = {
  code: 'invalid-characters' | 'too-deeply-nested';
  path: string;
  field: { code: string; message: string };
};

/** Iterative walk: a hostile body must not be able to overflow our stack. */
export function findProblem(root: unknown, rootPath: string): Found | undefined {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: rootPath, depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as (typeof stack)[number];
    if (typeof value === 'string') {
      if (value.includes('\u0000'))
        return {
          code: 'invalid-characters',
          path,
          field: { code: 'nul-character', message: 'contains a NUL character' },
        };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH)
      return {
        code: 'too-deeply-nested',
        path,
        field: { code: 'too-deep', message: `is nested deeper than ${MAX_DEPTH} levels` },
      };
    for (const [key, child] of Object.entries(value)) {
      const childPath = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
      if (key.includes('\u0000'))
        return {
          code: 'invalid-characters',
          path: childPath,
          field: { code: 'nul-character', message: 'has a NUL character in a key' },
        };
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return undefined;
}
