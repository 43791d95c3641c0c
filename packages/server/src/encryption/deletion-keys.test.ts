import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDeletionKeys } from './deletion-keys.ts';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-deletion-keys-'));
afterEach(() => {
  for (const entry of fs.readdirSync(folder)) fs.rmSync(path.join(folder, entry), { force: true });
});
const ring = (id = 'm1', key = randomBytes(32)) => ({ currentId: id, keys: new Map([[id, key]]) });

describe('monthly deletion keys', () => {
  it('makes a month’s key once, keeps it wrapped under the master key, and another process finds it', () => {
    const file = path.join(folder, 'keys.json');
    const master = ring();
    const one = openDeletionKeys(file);
    const key = one.keyFor('2028-12', master);
    expect(one.keyFor('2028-12', master).equals(key)).toBe(true);
    // The file holds the key wrapped, never in the clear.
    expect(fs.readFileSync(file).includes(key)).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(key.toString('base64'));
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
    const other = openDeletionKeys(file);
    expect(other.find('2028-12', master)?.equals(key)).toBe(true);
    expect(other.masterKeyIdsInUse()).toEqual(['m1']);
    expect(() => one.keyFor('2028-13', master)).toThrow(RangeError);
  });

  it('destroys a month for good: every process loses it, and nothing new is wrapped under it', () => {
    const file = path.join(folder, 'keys.json');
    const master = ring();
    const one = openDeletionKeys(file);
    const other = openDeletionKeys(file);
    one.keyFor('2028-11', master);
    expect(other.find('2028-11', master)).toBeDefined();
    expect(one.destroy('2028-11', Date.now())).toBe(true);
    expect(one.destroy('2028-11', Date.now())).toBe(false);
    expect(one.find('2028-11', master)).toBeUndefined();
    // The other process notices the changed file (it looks again at most once a second).
    const until = Date.now() + 5000;
    while (other.find('2028-11', master) !== undefined && Date.now() < until)
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    expect(other.find('2028-11', master)).toBeUndefined();
    expect(() => one.keyFor('2028-11', master)).toThrow(/destroyed/);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).destroyed['2028-11']).toBeDefined();
  });

  it('re-wraps every month under a new master key, so the old one can go', () => {
    const file = path.join(folder, 'keys.json');
    const first = ring('m1');
    const keys = openDeletionKeys(file);
    const key = keys.keyFor('2029-01', first);
    const both = { currentId: 'm2', keys: new Map([...first.keys, ['m2', randomBytes(32)]]) };
    expect(keys.rewrap(both)).toBe(1);
    expect(keys.rewrap(both)).toBe(0);
    expect(keys.masterKeyIdsInUse()).toEqual(['m2']);
    const onlyNew = { currentId: 'm2', keys: new Map([['m2', both.keys.get('m2') as Buffer]]) };
    expect(openDeletionKeys(file).find('2029-01', onlyNew)?.equals(key)).toBe(true);
  });

  it('waits for another writer’s lock, and clears one left by a process that died', () => {
    const file = path.join(folder, 'keys.json');
    const lock = `${file}.lock`;
    fs.writeFileSync(lock, '');
    const stale = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, stale, stale);
    expect(openDeletionKeys(file).keyFor('2029-02', ring())).toHaveLength(32);
    expect(fs.existsSync(lock)).toBe(false);
  });
});
