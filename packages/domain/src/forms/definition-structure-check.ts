import { type TSchema, Type } from 'typebox';
import { Value } from 'typebox/value';
import { type DefinitionProblem, type DefinitionProblemCode, definitionProblem } from './definition-problems.ts';
import { fieldKindShellSchema } from './form-definition.schema.ts';
import { FORM_FORMAT_VERSION, MAX_FIELDS_PER_LEVEL } from './form-limits.ts';

// The first half of checking a definition: is it the right shape at all? Each field is checked
// against the schema of its own kind, so a mistake is reported where it is, not as a failed union.

/** Far beyond any real form; keeps the schema checker's recursion and work bounded. */
const MAX_JSON_DEPTH = 40;
const MAX_JSON_NODES = 50_000;
const MAX_PROBLEMS = 200;

/** Walks the raw input without recursion; false if it is deeper or bigger than any form can be. */
function isWithinSize(input: unknown): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value: input, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (++nodes > MAX_JSON_NODES || depth > MAX_JSON_DEPTH) return false;
    if (typeof value === 'object' && value !== null) {
      const children = Array.isArray(value) ? value : Object.values(value);
      if (children.length > MAX_JSON_NODES) return false;
      for (const child of children) stack.push({ value: child, depth: depth + 1 });
    }
  }
  return true;
}

function pointerToPath(prefix: string, pointer: string): string {
  let path = prefix;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    path = /^\d+$/.test(segment) ? `${path}[${segment}]` : path === '' ? segment : `${path}.${segment}`;
  }
  return path;
}

function formatKind(path: string): string | undefined {
  if (path.endsWith('.key')) return 'key';
  if (path.endsWith('.value')) return 'option';
  if (path.endsWith('.date')) return 'date';
  return undefined;
}

const KEYWORD_CODES: Record<string, DefinitionProblemCode> = {
  type: 'wrong-type',
  const: 'invalid-value',
  enum: 'invalid-value',
  pattern: 'invalid-format',
  maxLength: 'too-long',
  minLength: 'too-short',
  maxItems: 'too-many',
  minItems: 'too-few',
  minimum: 'out-of-range',
  maximum: 'out-of-range',
  exclusiveMinimum: 'out-of-range',
  exclusiveMaximum: 'out-of-range',
};

/** A value checked against a TypeBox schema, with problems phrased for an administrator. */
export function schemaValueProblems(schema: TSchema, value: unknown, prefix: string): DefinitionProblem[] {
  if (Value.Check(schema, value)) return [];
  const problems: DefinitionProblem[] = [];
  // Errors inside a union (a condition, a date limit) are summarised once, at the union's place.
  const unions = new Map<string, string>();
  for (const error of Value.Errors(schema, value)) {
    const path = pointerToPath(prefix, error.instancePath);
    const unionAt = error.keyword === 'anyOf' ? error.schemaPath.length : error.schemaPath.indexOf('/anyOf');
    if (unionAt >= 0) {
      const unionKey = error.schemaPath.slice(0, unionAt);
      const known = unions.get(unionKey);
      if (known === undefined || path.length < known.length) unions.set(unionKey, path);
      continue;
    }
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'required') {
      for (const key of (params.requiredProperties as string[] | undefined) ?? []) {
        problems.push(definitionProblem(pointerToPath(path, `/${key}`), 'missing-property', { key }));
      }
    } else if (error.keyword === 'additionalProperties') {
      for (const key of (params.additionalProperties as string[] | undefined) ?? []) {
        problems.push(definitionProblem(pointerToPath(path, `/${key}`), 'unknown-property', { key: key.slice(0, 64) }));
      }
    } else if (error.keyword !== 'boolean') {
      // 'boolean' repeats an additionalProperties error for each extra property; skip it.
      const code = KEYWORD_CODES[error.keyword] ?? 'invalid-value';
      const limit = typeof params.limit === 'number' ? params.limit : undefined;
      problems.push(
        definitionProblem(path, code, { ...(limit === undefined ? {} : { limit }), value: formatKind(path) }),
      );
    }
  }
  for (const path of unions.values()) problems.push(definitionProblem(path, 'invalid-value'));
  return problems;
}

const TopLevelShellSchema = Type.Object(
  {
    formatVersion: Type.Literal(FORM_FORMAT_VERSION),
    fields: Type.Array(Type.Unknown(), { minItems: 1, maxItems: MAX_FIELDS_PER_LEVEL }),
  },
  { additionalProperties: false },
);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldProblems(field: unknown, path: string, problems: DefinitionProblem[]): void {
  if (problems.length >= MAX_PROBLEMS) return;
  if (!isRecord(field)) {
    problems.push(definitionProblem(path, 'wrong-type'));
    return;
  }
  const kind = Object.hasOwn(field, 'kind') ? field.kind : undefined;
  const schema = fieldKindShellSchema(kind);
  if (!schema) {
    problems.push(
      definitionProblem(`${path}.kind`, kind === undefined ? 'missing-property' : 'unknown-field-kind', {
        key: 'kind',
      }),
    );
    return;
  }
  problems.push(...schemaValueProblems(schema, field, path));
  if (kind === 'group' && Array.isArray(field.fields)) {
    for (const [index, child] of field.fields.entries()) fieldProblems(child, `${path}.fields[${index}]`, problems);
  }
}

/** Problems with the shape of `input`; empty when it has the shape of a FormDefinition. */
export function definitionStructureProblems(input: unknown): DefinitionProblem[] {
  if (!isWithinSize(input)) return [definitionProblem('', 'too-large')];
  if (!isRecord(input)) return [definitionProblem('', 'wrong-type')];
  const problems = schemaValueProblems(TopLevelShellSchema, input, '');
  if (Array.isArray(input.fields) && input.fields.length <= MAX_FIELDS_PER_LEVEL) {
    for (const [index, field] of input.fields.entries()) fieldProblems(field, `fields[${index}]`, problems);
  }
  return problems.slice(0, MAX_PROBLEMS);
}
