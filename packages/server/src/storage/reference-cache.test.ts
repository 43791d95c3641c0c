import { describe, expect, it } from 'vitest';
import { ReferenceCache } from './reference-cache.ts';

describe('the reference data cache', () => {
  const counting = () => {
    let reads = 0;
    return {
      load: async () => ({ read: ++reads }),
      reads: () => reads,
    };
  };

  it('keeps nothing before a session lookup told it the change count', async () => {
    const cache = new ReferenceCache();
    const source = counting();
    await cache.read('unit', source.load);
    await cache.read('unit', source.load);
    expect(source.reads()).toBe(2);
  });

  it('reads once while the count stands, again after it grows, and ignores an older count', async () => {
    const cache = new ReferenceCache();
    const source = counting();
    cache.observe(5);
    expect(await cache.read('unit', source.load)).toEqual({ read: 1 });
    expect(await cache.read('unit', source.load)).toEqual({ read: 1 });
    cache.observe(4);
    expect(await cache.read('unit', source.load)).toEqual({ read: 1 });
    cache.observe(6);
    expect(await cache.read('unit', source.load)).toEqual({ read: 2 });
  });

  it('does not keep what was read while the count moved: it may be from before the change', async () => {
    const cache = new ReferenceCache();
    cache.observe(1);
    let reads = 0;
    const slow = async () => {
      reads++;
      cache.observe(2); // a change committed and another request saw it while this one read
      return reads;
    };
    await cache.read('unit', slow);
    await cache.read('unit', async () => ++reads);
    expect(reads).toBe(2);
    expect(await cache.read('unit', async () => ++reads)).toBe(2);
  });

  it('hands out values nobody can change for the next request', async () => {
    const cache = new ReferenceCache();
    cache.observe(1);
    const rows = await cache.read('closures', async () => [{ id: 'a' }]);
    expect(Object.isFrozen(rows)).toBe(true);
    expect(Object.isFrozen(rows[0])).toBe(true);
  });
});
