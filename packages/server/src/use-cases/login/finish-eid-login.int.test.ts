import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.ts';
import { openDeletionKeys } from '../../encryption/deletion-keys.ts';
import { DEFAULT_ACCEPTED_ACR, SWEDISH_LOA } from '../../identity/assurance-level.ts';
import type { OidcRelyingParty } from '../../identity/oidc-relying-party.ts';
import { demoPersonas } from '../../registers/index.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../testing/test-databases.ts';
import { demoRegisters } from '../../testing/test-registers.ts';
import type { Services } from '../services.ts';
import { beginEidLogin } from './begin-eid-login.ts';
import { finishEidLogin } from './finish-eid-login.ts';

// The assurance check against a provider that answers whatever the test says: what the
// development provider never does (an ID token without `acr`) can be tried here too.

const TOLVAN = demoPersonas(new Date()).citizens.tolvan.personnummer;

/** A relying party whose provider asserts the given claims once the code comes back. */
function providerAsserting(claims: Record<string, unknown>): OidcRelyingParty {
  return {
    settings: {
      issuer: 'https://broker.example',
      clientId: 'kontakta',
      clientSecret: 'secret',
      scopes: 'openid',
      redirectUri: 'http://127.0.0.1/api/auth/eid/callback',
      personnummerClaim: 'personal_number',
      acceptedAcr: DEFAULT_ACCEPTED_ACR,
    },
    authorizationUrl: async (checks) => `https://broker.example/authorize?state=${checks.state}`,
    claimsFromCallback: async () => claims,
  };
}

describe.each(DIALECTS)('finishing an e-ID login: the level of assurance on %s', (dialect) => {
  let database: TestDatabase;
  let services: Services;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    services = {
      config: loadConfig({ KONTAKTA_DEMO: 'true', KONTAKTA_LOG_LEVEL: 'silent' }),
      database,
      keys: { currentId: 'test-key', keys: new Map([['test-key', randomBytes(32)]]) },
      registers: demoRegisters(),
      // A login writes no errand, so no deletion key is ever made in this file.
      deletionKeys: openDeletionKeys(path.join(os.tmpdir(), `kontakta-no-keys-${process.pid}.json`)),
      clock: Date.now,
    };
  });
  afterAll(async () => {
    await database?.drop();
  });

  const logIn = async (claims: Record<string, unknown>) => {
    const party = providerAsserting(claims);
    const { flowToken } = await beginEidLogin(services, party, 'citizen');
    return finishEidLogin(
      services,
      { citizen: party, staff: party },
      {
        flowToken,
        callbackUrl: new URL('http://127.0.0.1/api/auth/eid/callback?code=c'),
        previousSessionToken: undefined,
      },
    );
  };

  it('logs in a personnummer asserted at level 3', async () => {
    const result = await logIn({ personal_number: TOLVAN, acr: SWEDISH_LOA.loa3 });
    expect(result).toMatchObject({ ok: true, audience: 'citizen' });
  });

  it.each([
    ['without any acr', {}, 'acr:none'],
    ['at level 2 (basic Freja)', { acr: SWEDISH_LOA.loa2 }, `acr:${SWEDISH_LOA.loa2}`],
    ['at an uncertified level 3', { acr: SWEDISH_LOA.uncertifiedLoa3 }, `acr:${SWEDISH_LOA.uncertifiedLoa3}`],
    ['with an acr that is not a string', { acr: ['x'] }, 'acr:none'],
  ])('refuses a personnummer asserted %s, recording why', async (_name, extra, errorKind) => {
    const refusals = () =>
      database.db.selectFrom('login_event').selectAll().where('reason', '=', 'insufficient-assurance').execute();
    const before = (await refusals()).length;
    const result = await logIn({ personal_number: TOLVAN, ...extra });
    expect(result).toEqual({ ok: false, reason: 'insufficient-assurance', audience: 'citizen', errorKind });
    const rows = await refusals();
    expect(rows).toHaveLength(before + 1);
    const refusal = { audience: 'citizen', method: 'eid', result: 'refused', municipality_code: null };
    expect(rows).toEqual(rows.map(() => expect.objectContaining(refusal)));
  });
});
