import { describe, expect, it } from 'vitest';
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
    });
    expect(identity.staff).toEqual({
      issuer: 'https://idp.example/siths',
      clientId: 'kontakta',
      clientSecret: 'other',
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

  it('refuses scopes without openid and a rate limit of nothing', () => {
    const problems = problemsOf({ KONTAKTA_OIDC_SCOPES: 'profile', KONTAKTA_LOGIN_RATE_LIMIT: '0' });
    expect(problems.join('\n')).toMatch(/KONTAKTA_OIDC_SCOPES="profile": must include openid/);
    expect(problems.join('\n')).toMatch(/KONTAKTA_LOGIN_RATE_LIMIT="0"/);
  });
});
