import { describe, expect, it } from 'vitest';
import { newLetterPassword, normalizeLetterPassword } from './letter-password.ts';
import { maskMobileNumber, normalizeMobileNumber } from './mobile-number.ts';
import { hashOneTimeCode, newCodeSalt, newOneTimeCode, oneTimeCodeMatches } from './one-time-code.ts';
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

describe('one-time codes', () => {
  it('are six digits, and only a hash with its own salt is kept', () => {
    const code = newOneTimeCode();
    expect(code).toMatch(/^\d{6}$/);
    const salt = newCodeSalt();
    const hash = hashOneTimeCode(code, salt);
    expect(hash).not.toContain(code);
    expect(oneTimeCodeMatches(code, salt, hash)).toBe(true);
    expect(oneTimeCodeMatches(code === '000000' ? '000001' : '000000', salt, hash)).toBe(false);
    expect(hashOneTimeCode(code, newCodeSalt())).not.toBe(hash);
  });
});

describe('mobile numbers', () => {
  it.each([
    ['070-174 06 05', '+46701740605'],
    ['+46 70 174 06 05', '+46701740605'],
    ['0046701740605', '+46701740605'],
    ['+47 412 34 567', '+4741234567'],
  ])('reads %s as %s', (written, e164) => {
    expect(normalizeMobileNumber(written)).toBe(e164);
  });

  it.each(['08-123 456 78', '+46 8 123 456 78', '12345', 'ring mig', '+46701740605999'])('refuses %s', (written) => {
    expect(normalizeMobileNumber(written)).toBeUndefined();
  });

  it('are shown with only the last two digits', () => {
    expect(maskMobileNumber('+46701740605')).toBe('•••• •• 05');
  });
});
