import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

describe('canonical JSON', () => {
  it('gives the same text whatever order the properties came in, at every depth', () => {
    const a = { body: { answers: { b: 1, a: [{ y: 'ä', x: null }] } }, method: 'POST' };
    const b = { method: 'POST', body: { answers: { a: [{ x: null, y: 'ä' }], b: 1 } } };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"body":{"answers":{"a":[{"x":null,"y":"ä"}],"b":1}},"method":"POST"}');
  });

  it('tells different content apart, the order of list items included', () => {
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
    // A name cannot pass for structure: names and strings are escaped as JSON.
    expect(canonicalJson({ 'a":1,"b': 2 })).not.toBe(canonicalJson({ a: 1, b: 2 }));
  });

  it('leaves out absent properties, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson([undefined])).toBe('[null]');
  });
});
