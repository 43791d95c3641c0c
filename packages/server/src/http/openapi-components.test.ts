import { expect, it } from 'vitest';
import { referenceNamedSchemas } from './openapi-components.ts';

const note = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } };
const copy = () => structuredClone(note);

it('replaces every copy of a named component with a reference, in paths and in other components', () => {
  const document = {
    components: {
      schemas: {
        Note: copy(),
        NoteList: { type: 'object', properties: { items: { type: 'array', items: copy() } } },
        'def-0': copy(),
      },
    },
    paths: {
      '/notes': {
        post: { responses: { 201: { content: { 'application/json': { schema: copy() } } } } },
        get: {
          responses: { 200: { content: { 'application/json': { schema: { anyOf: [copy(), { type: 'null' }] } } } } },
        },
      },
    },
  };
  const ref = { $ref: '#/components/schemas/Note' };
  const result = referenceNamedSchemas(document);
  expect(result.components.schemas.Note).toEqual(note);
  expect(result.components.schemas.NoteList.properties.items.items).toEqual(ref);
  expect(result.paths['/notes'].post.responses[201].content['application/json'].schema).toEqual(ref);
  expect(result.paths['/notes'].get.responses[200].content['application/json'].schema).toEqual({
    anyOf: [ref, { type: 'null' }],
  });
});

it('leaves a schema that differs in anything, a description included, as it is', () => {
  const described = { ...copy(), description: 'Another note' };
  const document = {
    components: { schemas: { Note: copy() } },
    paths: { '/notes': { get: { responses: { 200: { content: { 'application/json': { schema: described } } } } } } },
  };
  expect(referenceNamedSchemas(structuredClone(document))).toEqual(document);
});
