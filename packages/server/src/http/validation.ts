import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

/**
 * Request validation. Bodies are JSON and must have exactly the declared types: a string "42" is
 * not a number. Query strings and path parameters are text by nature, so there numbers and
 * booleans are read from their text form.
 */
export function registerValidation(app: FastifyInstance): void {
  const options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false } as const;
  const exact = new Ajv({ ...options, coerceTypes: false });
  const fromText = new Ajv({ ...options, coerceTypes: 'array' });
  for (const ajv of [exact, fromText]) addFormats.default(ajv);
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? exact : fromText).compile(schema as object),
  );
}
