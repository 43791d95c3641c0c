import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyedHash } from './keyed-hash.ts';

describe('keyed hash', () => {
  const ring = {
    currentId: 'b',
    keys: new Map([
      ['a', randomBytes(32)],
      ['b', randomBytes(32)],
    ]),
  };

  it('is stable for one key and purpose, and differs by text, key and purpose', () => {
    const hash = keyedHash(ring, 'b', 'test', 'Levaxin');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(keyedHash(ring, 'b', 'test', 'Levaxin')).toBe(hash);
    expect(keyedHash(ring, 'b', 'test', 'Alvedon')).not.toBe(hash);
    expect(keyedHash(ring, 'a', 'test', 'Levaxin')).not.toBe(hash);
    expect(keyedHash(ring, 'b', 'other', 'Levaxin')).not.toBe(hash);
  });

  it('is undefined for a key the ring no longer has', () => {
    expect(keyedHash(ring, 'gone', 'test', 'Levaxin')).toBeUndefined();
  });
});
