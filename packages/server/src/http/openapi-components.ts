import { isDeepStrictEqual } from 'node:util';
import {
  CalendarNote,
  ErrandHistoryEntry,
  ErrandMessage,
  ErrandSummary,
  ExternalLink,
  FieldError,
  NotificationSettings,
  Problem,
  StaffErrandSummary,
  UnitContactSettings,
  UnitSettings,
} from '@kontakta/contract';
import type { TSchema } from 'typebox';

/**
 * The contract's schemas that carry an `$id` (the same as their name here): registered with the
 * app (app.addSchema), they are the OpenAPI document's components (`#/components/schemas/<$id>`),
 * so that a client generator names each once. The error body is referred to by `$ref` at run time
 * too (route-handler.ts).
 */
export const NAMED_SCHEMAS: Readonly<Record<string, TSchema>> = {
  FieldError,
  Problem,
  CalendarNote,
  ErrandHistoryEntry,
  ErrandMessage,
  ErrandSummary,
  ExternalLink,
  NotificationSettings,
  StaffErrandSummary,
  UnitSettings,
  UnitContactSettings,
};

type Json = { [key: string]: unknown };
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The route schemas embed the named schemas (TypeBox objects are values, not references), and
 * @fastify/swagger writes such a copy out in full. This replaces every copy in the document with
 * a `$ref` to its component. A copy is found by equality with the component, which the plugin
 * converted from the very same schema (a schema of exactly the same shape would match too: to a
 * client it is the same type). Only the document changes: validation and serialization keep the
 * route schemas as they are.
 */
export function referenceNamedSchemas<D>(document: D): D {
  if (!isObject(document) || !isObject(document.components)) return document;
  const components = document.components.schemas;
  if (!isObject(components)) return document;
  const named = Object.entries(components).filter(([name]) => !name.startsWith('def-'));

  const visit = (node: unknown, own: string | undefined): unknown => {
    if (Array.isArray(node)) return node.map((each) => visit(each, undefined));
    if (!isObject(node)) return node;
    const match = named.find(([name, schema]) => name !== own && isDeepStrictEqual(node, schema));
    if (match) return { $ref: `#/components/schemas/${match[0]}` };
    for (const [key, value] of Object.entries(node)) node[key] = visit(value, undefined);
    return node;
  };
  for (const [name, schema] of Object.entries(components)) components[name] = visit(schema, name);
  const root: Json = document;
  root.paths = visit(root.paths, undefined);
  return document;
}
