import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashClientSecret, newClientId, newClientSecret, redirectUri } from './service-administration.ts';

describe('redirect URIs a connected service may register', () => {
  it.each([
    'https://provsvar.example.se/callback',
    'https://provsvar.example.se/cb?x=1',
    'http://localhost:4000/callback',
    'http://127.0.0.1:4000/callback',
  ])('accepts %s', (uri) => {
    expect(redirectUri(uri)).toBe(new URL(uri).href);
  });

  it.each([
    'http://provsvar.example.se/callback',
    'https://provsvar.example.se/cb#fragment',
    'https://provsvar.example.se/cb#',
    'https://user:pw@provsvar.example.se/cb',
    'https://localhost/cb',
    'javascript:alert(1)',
    'ftp://example.se/',
    ' https://provsvar.example.se/cb',
    'https://provsvar.example.se/c b',
    'https://provsvar.example.se/\u0000',
    'not a url',
    '',
  ])('refuses %j', (uri) => {
    expect(redirectUri(uri)).toBeUndefined();
  });
});

describe('client credentials', () => {
  it('generates a 256-bit secret and keeps only its SHA-256', () => {
    const { secret, hash } = newClientSecret();
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(hashClientSecret(secret)).toBe(hash);
    expect(newClientSecret().secret).not.toBe(secret);
  });

  it('generates client ids that are safe in a URL and differ', () => {
    const id = newClientId();
    expect(id).toMatch(/^kontakta-[A-Za-z0-9-]{16}$/);
    expect(newClientId()).not.toBe(id);
  });
});
