import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { createTestDatabase } from '../testing/test-databases.ts';
import { demoRegisters } from '../testing/test-registers.ts';
import { buildApp } from './app.ts';

// A caller written against the generated types. It compiles only if the document names the
// operations, their answers in their media types and the problem body (by $ref) as a client
// needs them; each @ts-expect-error fails the check if the types were too loose (any, unknown).
const CLIENT = `
import type { components, operations, paths } from './api.ts';

type Problem = components['schemas']['Problem'];
type SendErrand = paths['/api/citizen/errands']['post'];

export const sent: SendErrand['responses'][201]['content']['application/json'] = { id: 'e1' };
export const refused: SendErrand['responses']['4XX']['content']['application/problem+json'] = {
  type: 'urn:kontakta:problem:validation-failed',
  title: 'Validation failed',
  status: 400,
  code: 'validation-failed',
  errors: [{ path: 'body.text', code: 'required', message: 'is required' }],
};
export const fieldError: components['schemas']['FieldError'] = { path: 'body', code: 'type', message: 'x' };
// @ts-expect-error a code the API does not have
export const unknownCode: Problem['code'] = 'no-such-code';
// @ts-expect-error a problem has a status
export const incomplete: Problem = { type: 'urn:kontakta:problem:not-found', title: 'Not found', code: 'not-found' };

export const calendar: operations['citizenCalendarExportIcs']['responses'][200]['content']['text/calendar'] = 'BEGIN:VCALENDAR';
export type Fhir = operations['staffErrandQuestionnaireResponse']['responses'][200]['content']['application/fhir+json'];
export const list = (answer: operations['citizenErrandList']['responses'][200]['content']['application/json']) =>
  answer.items.map((errand) => errand.id.toUpperCase());
`;

describe('the OpenAPI description, read by a client generator (openapi-typescript)', () => {
  it('gives types a caller compiles against: operations, media types and the Problem schema', async () => {
    const database = await createTestDatabase('sqlite');
    const config = loadConfig({ KONTAKTA_DEMO: 'true', KONTAKTA_LOG_LEVEL: 'silent' });
    const app = await buildApp({ config, database, registers: demoRegisters() });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-openapi-client-'));
    try {
      await app.ready();
      const types = astToString(await openapiTS(app.swagger() as unknown as OpenAPI3));
      expect(types).toContain('Problem: {');
      fs.writeFileSync(path.join(dir, 'api.ts'), types);
      fs.writeFileSync(path.join(dir, 'client.ts'), CLIENT);

      const program = ts.createProgram([path.join(dir, 'client.ts')], {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        allowImportingTsExtensions: true,
        lib: ['lib.es2022.d.ts'],
        types: [],
      });
      const problems = ts
        .getPreEmitDiagnostics(program)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(problems).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await app.close();
      await database.drop();
    }
  });
});
