import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { type KeyRing, newDataKey, openText, sealText, unwrapDataKey } from '../encryption/envelope.ts';
import type { Database } from '../storage/database.ts';
import { findNewestSigningKey, insertSigningKey } from '../storage/repositories/service-consent.repository.ts';

const CONTEXT = (kid: string) => `oidc-signing-key:${kid}`;

/**
 * The provider's ID-token signing key (RS256), the same in every process: generated once and kept
 * as a private JWK sealed under its own data key, which the master key wraps (so a copy of the
 * database without the master key cannot sign, and `kontakta keys rewrap` covers it). Two
 * processes starting at once may both generate one; the newest is used and both verify.
 */
export async function loadSigningKey(
  database: Database,
  keys: KeyRing,
  now: number,
): Promise<Record<string, unknown> & { kid: string }> {
  const existing = await findNewestSigningKey(database.db);
  if (existing) {
    const dataKey = unwrapDataKey(keys, {
      wrapped: Buffer.from(existing.wrapped_key),
      keyId: existing.key_id,
    });
    return JSON.parse(openText(dataKey, Buffer.from(existing.sealed_jwk), CONTEXT(existing.id)));
  }
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(12).toString('base64url');
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };
  const { key, wrapped, keyId } = newDataKey(keys);
  await insertSigningKey(database.db, {
    id: kid,
    wrapped_key: wrapped,
    key_id: keyId,
    sealed_jwk: sealText(key, JSON.stringify(jwk), CONTEXT(kid)),
    created_at: now,
  });
  return jwk;
}
