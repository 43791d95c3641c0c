import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KeyRing } from '../encryption/envelope.ts';
import { newLetterPassword, normalizeLetterPassword } from './letter-password.ts';
import { checkMobileNumber, maskMobileNumber } from './mobile-number.ts';
import { hashOneTimeCode, loginCodeContext, newOneTimeCode, oneTimeCodeMatches } from './one-time-code.ts';
import { hashPassword, passwordMatches, verifyAgainstNothing } from './password-hashing.ts';

describe('letter passwords', () => {
  it('are four groups of four unambiguous characters, different every time', () => {
    const passwords = new Set(Array.from({ length: 200 }, () => newLetterPassword()));
    expect(passwords.size).toBe(200);
    for (const password of passwords) expect(password).toMatch(/^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){3}$/);
  });

  it('ignore case, spaces and dashes when typed', () => {
    expect(normalizeLetterPassword(' k7qm x3tr-pw9a bc4d ')).toBe('K7QMX3TRPW9ABC4D');
  });

  it('are stored as argon2id hashes with at least OWASP’s cost', async () => {
    const hash = await hashPassword('K7QMX3TRPW9ABC4D');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await passwordMatches(hash, 'K7QMX3TRPW9ABC4D')).toBe(true);
    expect(await passwordMatches(hash, 'K7QMX3TRPW9ABC4E')).toBe(false);
    expect(await passwordMatches('not a hash', 'x')).toBe(false);
    expect(await verifyAgainstNothing('x')).toBe(false);
  });
});

const ring = (...ids: string[]): KeyRing => ({
  currentId: ids[0] as string,
  keys: new Map(ids.map((id) => [id, randomBytes(32)])),
});

describe('one-time codes', () => {
  const context = loginCodeContext('token-hash');

  it('are six digits, and only an HMAC under the master key, with its id, is kept', () => {
    const keys = ring('2026-12');
    const code = newOneTimeCode();
    expect(code).toMatch(/^\d{6}$/);
    const stored = hashOneTimeCode(keys, code, context);
    expect(stored).toMatch(/^2026-12:[0-9a-f]{64}$/);
    expect(stored).not.toContain(code);
    expect(oneTimeCodeMatches(keys, code, context, stored)).toBe(true);
    expect(oneTimeCodeMatches(keys, code === '000000' ? '000001' : '000000', context, stored)).toBe(false);
    // Bound to what it was sent for.
    expect(oneTimeCodeMatches(keys, code, loginCodeContext('another login'), stored)).toBe(false);
  });

  it('cannot be checked, so not guessed, from a stolen row without the master key', () => {
    const keys = ring('k1');
    const stored = hashOneTimeCode(keys, '042917', context);
    // The row holds the key id and the HMAC, nothing more: no salt, no digits.
    expect(stored.split(':')).toHaveLength(2);
    // The same code under any other key (a thief's guess at it) gives another value.
    expect(hashOneTimeCode(ring('k1'), '042917', context)).not.toBe(stored);
    expect(oneTimeCodeMatches(ring('k1'), '042917', context, stored)).toBe(false);
  });

  it('made just before a key rotation still verify after it; made under a pruned key, never', () => {
    const before = ring('old');
    const code = newOneTimeCode();
    const stored = hashOneTimeCode(before, code, context);
    const rotated: KeyRing = {
      currentId: 'new',
      keys: new Map([
        ['new', randomBytes(32)],
        ['old', before.keys.get('old') as Buffer],
      ]),
    };
    expect(oneTimeCodeMatches(rotated, code, context, stored)).toBe(true);
    expect(hashOneTimeCode(rotated, code, context)).toMatch(/^new:/);
    const pruned: KeyRing = { currentId: 'new', keys: new Map([['new', rotated.keys.get('new') as Buffer]]) };
    expect(oneTimeCodeMatches(pruned, code, context, stored)).toBe(false);
    // A row from before the upgrade (salt:sha256) is simply not a match.
    expect(oneTimeCodeMatches(rotated, code, context, `salt:${'0'.repeat(64)}`)).toBe(false);
  });
});

describe('mobile numbers', () => {
  const sweden = ['46'];
  it.each([
    ['070-174 06 05', '+46701740605'],
    ['+46 70 174 06 05', '+46701740605'],
    ['+46 (0)72 174 06 05', '+46721740605'],
    ['0046731740605', '+46731740605'],
    ['076-174 06 05', '+46761740605'],
    ['079-174 06 05', '+46791740605'],
  ])('reads %s as %s', (written, e164) => {
    expect(checkMobileNumber(written, sweden)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['12345', 'not-a-phone-number'],
    ['ring mig', 'not-a-phone-number'],
    ['+46701740605999', 'not-a-phone-number'],
    ['08-123 456 78', 'not-a-mobile-number'],
    ['+46 8 123 456 78', 'not-a-mobile-number'],
    ['071-123 45 67', 'not-a-mobile-number'],
    ['074-123 45 67', 'not-a-mobile-number'],
    ['077-123 45 67', 'not-a-mobile-number'],
    ['+47 412 34 567', 'country-not-allowed'],
    ['+881 6 1234 5678', 'country-not-allowed'],
    ['+882 16 1234 5678', 'country-not-allowed'],
    ['+44 7700 900123', 'country-not-allowed'],
  ])('refuses %s: %s', (written, reason) => {
    expect(checkMobileNumber(written, sweden)).toEqual({ ok: false, reason });
  });

  it('take the mobile ranges of each allowed country', () => {
    const nordic = ['46', '47', '358'];
    expect(checkMobileNumber('+47 412 34 567', nordic)).toEqual({ ok: true, e164: '+4741234567' });
    expect(checkMobileNumber('+47 22 12 34 56', nordic)).toEqual({ ok: false, reason: 'not-a-mobile-number' });
    expect(checkMobileNumber('+358 40 123 4567', nordic)).toEqual({ ok: true, e164: '+358401234567' });
    expect(checkMobileNumber('+358 9 123 4567', nordic)).toEqual({ ok: false, reason: 'not-a-mobile-number' });
    expect(checkMobileNumber('+881 6 1234 5678', nordic)).toEqual({ ok: false, reason: 'country-not-allowed' });
  });

  it('are shown with only the last two digits', () => {
    expect(maskMobileNumber('+46701740605')).toBe('•••• •• 05');
  });
});
