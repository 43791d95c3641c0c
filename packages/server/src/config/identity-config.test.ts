import { describe, expect, it } from 'vitest';
import { SWEDISH_LOA } from '../identity/assurance-level.ts';
import { productionEnvironment, productionProblems } from '../testing/production-environment.ts';
import { type ConfigError, loadConfig } from './config.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ KONTAKTA_DEMO: 'true', ...env });
    return [];
  } catch (error) {
    return [...(error as ConfigError).problems];
  }
}

describe('identity configuration', () => {
  it('uses the development e-ID provider and offers password login in demo mode', () => {
    const { identity } = loadConfig({ KONTAKTA_DEMO: 'true', KONTAKTA_PUBLIC_URL: 'http://localhost:4000' });
    expect(identity.devIdp).toBe(true);
    expect(identity.citizen.issuer).toBe('http://localhost:4000/dev-idp');
    expect(identity.staff).toEqual(identity.citizen);
    expect(identity.citizen.clientSecret.length).toBeGreaterThan(20);
    expect(identity).toMatchObject({
      passwordLogin: true,
      personnummerClaim: 'personal_number',
      scopes: 'openid profile',
    });
  });

  it('uses a configured issuer, and a separate one for staff when given', () => {
    const { identity } = loadConfig({
      KONTAKTA_DEMO: 'true',
      KONTAKTA_OIDC_ISSUER: 'https://broker.example/se-bankid',
      KONTAKTA_OIDC_CLIENT_SECRET: 's3cret',
      KONTAKTA_OIDC_PERSONNUMMER_CLAIM: 'ssn',
      KONTAKTA_STAFF_OIDC_ISSUER: 'https://idp.example/siths',
      KONTAKTA_STAFF_OIDC_CLIENT_SECRET: 'other',
    });
    expect(identity.devIdp).toBe(false);
    expect(identity.citizen).toEqual({
      issuer: 'https://broker.example/se-bankid',
      clientId: 'kontakta',
      clientSecret: 's3cret',
      acceptedAcr: [SWEDISH_LOA.loa3, SWEDISH_LOA.loa4],
    });
    expect(identity.staff).toEqual({
      issuer: 'https://idp.example/siths',
      clientId: 'kontakta',
      clientSecret: 'other',
      acceptedAcr: [SWEDISH_LOA.loa3, SWEDISH_LOA.loa4],
    });
    expect(identity.personnummerClaim).toBe('ssn');
  });

  it('never runs the development provider outside demo mode, and wants an https issuer with a secret there', () => {
    const production = productionEnvironment();
    delete production.KONTAKTA_OIDC_ISSUER;
    delete production.KONTAKTA_OIDC_CLIENT_SECRET;
    const problems = (env: Record<string, string>) => productionProblems({ ...production, ...env });
    expect(problems({})).toEqual([
      'KONTAKTA_OIDC_ISSUER must be set (the e-ID broker citizens log in through); or run in demo mode (--demo)',
    ]);
    expect(problems({ KONTAKTA_OIDC_ISSUER: 'http://broker.example', KONTAKTA_OIDC_CLIENT_SECRET: 'x' })).toEqual([
      'KONTAKTA_OIDC_ISSUER="http://broker.example": must be https:// outside demo mode',
    ]);
    expect(problems({ KONTAKTA_OIDC_ISSUER: 'https://broker.example' })).toEqual([
      'KONTAKTA_OIDC_CLIENT_SECRET: must be set with an issuer',
    ]);
    const ok = loadConfig({
      ...production,
      KONTAKTA_OIDC_ISSUER: 'https://broker.example',
      KONTAKTA_OIDC_CLIENT_SECRET: 'x',
    });
    expect(ok.identity).toMatchObject({ devIdp: false, passwordLogin: false });
  });

  it('accepts levels of assurance 3 and 4 by default, and each audience’s own list when given', () => {
    const defaults = loadConfig({ KONTAKTA_DEMO: 'true' }).identity;
    expect(defaults.citizen.acceptedAcr).toEqual([SWEDISH_LOA.loa3, SWEDISH_LOA.loa4]);
    expect(defaults.staff.acceptedAcr).toEqual(defaults.citizen.acceptedAcr);

    const { identity } = loadConfig({
      KONTAKTA_DEMO: 'true',
      KONTAKTA_OIDC_ACCEPTED_ACR: ' urn:grn:authn:se:bankid , urn:grn:authn:se:frejaid-plus,urn:grn:authn:se:bankid',
      KONTAKTA_STAFF_OIDC_ACCEPTED_ACR: 'http://id.sambi.se/loa/loa3',
    });
    expect(identity.citizen.acceptedAcr).toEqual(['urn:grn:authn:se:bankid', 'urn:grn:authn:se:frejaid-plus']);
    expect(identity.staff.acceptedAcr).toEqual(['http://id.sambi.se/loa/loa3']);

    // The staff's list follows the citizens' unless set.
    const shared = loadConfig({ KONTAKTA_DEMO: 'true', KONTAKTA_OIDC_ACCEPTED_ACR: SWEDISH_LOA.loa4 }).identity;
    expect(shared.staff.acceptedAcr).toEqual([SWEDISH_LOA.loa4]);
  });

  it('refuses a list of levels with empty entries or spaces', () => {
    const problems = problemsOf({
      KONTAKTA_OIDC_ACCEPTED_ACR: `${SWEDISH_LOA.loa3},,${SWEDISH_LOA.loa4}`,
      KONTAKTA_STAFF_OIDC_ACCEPTED_ACR: 'loa 3',
    }).join('\n');
    expect(problems).toMatch(/KONTAKTA_OIDC_ACCEPTED_ACR=".*": must be a comma-separated list of acr values/);
    expect(problems).toMatch(/KONTAKTA_STAFF_OIDC_ACCEPTED_ACR="loa 3": must be a comma-separated list/);
  });

  it('refuses scopes without openid and a rate limit of nothing', () => {
    const problems = problemsOf({ KONTAKTA_OIDC_SCOPES: 'profile', KONTAKTA_LOGIN_RATE_LIMIT: '0' });
    expect(problems.join('\n')).toMatch(/KONTAKTA_OIDC_SCOPES="profile": must include openid/);
    expect(problems.join('\n')).toMatch(/KONTAKTA_LOGIN_RATE_LIMIT="0"/);
  });
});
