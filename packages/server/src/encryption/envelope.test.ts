import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type KeyRing, newDataKey, openText, sealText, unwrapDataKey, wrapDataKey } from './envelope.ts';
import { addKeyToFile, loadKeyRing, parseKeyList } from './master-keys.ts';

const ring = (id = 'k1'): KeyRing => ({ currentId: id, keys: new Map([[id, randomBytes(32)]]) });

describe('envelope encryption', () => {
  it('round-trips any text under its context', () => {
    const { key } = newDataKey(ring());
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (text, context) => {
        expect(openText(key, sealText(key, text, context), context)).toBe(text);
      }),
    );
  });

  it('hides the plaintext and never repeats a ciphertext', () => {
    const { key } = newDataKey(ring());
    const a = sealText(key, 'Alvedon 500 mg', 'errand-1');
    const b = sealText(key, 'Alvedon 500 mg', 'errand-1');
    expect(a.toString('latin1')).not.toContain('Alvedon');
    expect(a.equals(b)).toBe(false);
  });

  it('refuses a tampered ciphertext, a wrong context and a wrong key', () => {
    const { key } = newDataKey(ring());
    const sealed = sealText(key, 'hemligt', 'errand-1');
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => openText(key, tampered, 'errand-1')).toThrow();
    expect(() => openText(key, sealed, 'errand-2')).toThrow();
    expect(() => openText(randomBytes(32), sealed, 'errand-1')).toThrow();
  });

  it('unwraps a data key with the master key id it was wrapped under, after rotation too', () => {
    const old = ring('old');
    const created = newDataKey(old);
    const rotated: KeyRing = { currentId: 'new', keys: new Map([...old.keys, ['new', randomBytes(32)]]) };
    const rewrapped = wrapDataKey(rotated, unwrapDataKey(rotated, created));
    expect(rewrapped.keyId).toBe('new');
    expect(
      unwrapDataKey({ currentId: 'new', keys: new Map([['new', rotated.keys.get('new') as Buffer]]) }, rewrapped),
    ).toEqual(created.key);
    // Claiming another key id for the same bytes fails authentication.
    expect(() => unwrapDataKey(rotated, { wrapped: created.wrapped, keyId: 'new' })).toThrow();
    expect(() => unwrapDataKey(ring('other'), created)).toThrow(/not configured/);
  });
});

describe('master keys', () => {
  it('parses id:base64 lists, current first', () => {
    const a = randomBytes(32).toString('base64');
    const b = randomBytes(32).toString('base64');
    const parsed = parseKeyList(`new:${a}, old:${b}`);
    expect(parsed.currentId).toBe('new');
    expect([...parsed.keys.keys()]).toEqual(['new', 'old']);
    expect(() => parseKeyList('k1:c2hvcnQ=')).toThrow(/32 bytes/);
    expect(() => parseKeyList('nocolon')).toThrow(/id:base64/);
  });

  it('generates a development key file once, private to the owner, and adds keys for rotation', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-keys-'));
    const file = path.join(dir, 'master-keys.json');
    const warnings: string[] = [];
    const first = loadKeyRing({ kind: 'file', path: file, generateIfMissing: true }, (m) => warnings.push(m));
    expect(warnings).toHaveLength(1);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    const again = loadKeyRing({ kind: 'file', path: file, generateIfMissing: true }, (m) => warnings.push(m));
    expect(warnings).toHaveLength(1);
    expect(again.keys.get(again.currentId)).toEqual(first.keys.get(first.currentId));
    const added = addKeyToFile(file);
    const rotated = loadKeyRing({ kind: 'file', path: file, generateIfMissing: false }, () => {});
    expect(rotated.currentId).toBe(added);
    expect(rotated.keys.has(first.currentId)).toBe(true);
    fs.rmSync(dir, { recursive: true });
  });
});
