import { describe, expect, it } from 'vitest';
import { approvedClaims, consentCovers, initiateLoginUrl, serviceProviderIssuer } from './hand-over.ts';

const consent = (claims: string[]) => ({
  service_id: 's',
  citizen_id: 'c',
  subject: 'x',
  claims: JSON.stringify(claims),
  granted_at: 0,
});

describe('what a service is handed over', () => {
  it('keeps only known claims, in a fixed order', () => {
    expect(approvedClaims({ claims: JSON.stringify(['personnummer', 'email', 'name']) })).toEqual([
      'name',
      'personnummer',
    ]);
    expect(approvedClaims({ claims: null })).toEqual([]);
  });

  it('asks again when the service has been approved for more than the citizen consented to', () => {
    expect(consentCovers(undefined, [])).toBe(false);
    expect(consentCovers(consent(['name']), ['name'])).toBe(true);
    expect(consentCovers(consent(['name']), [])).toBe(true);
    expect(consentCovers(consent(['name']), ['name', 'personnummer'])).toBe(false);
  });
});

describe('addresses', () => {
  it('puts the issuer under the public URL', () => {
    expect(serviceProviderIssuer('https://kontakta.region.se')).toBe('https://kontakta.region.se/oidc');
    expect(serviceProviderIssuer('https://kontakta.region.se/')).toBe('https://kontakta.region.se/oidc');
  });

  it('sends the citizen to the service with iss, keeping its own query', () => {
    expect(initiateLoginUrl('https://svc.example.se/start?x=1', 'https://k.se/oidc')).toBe(
      'https://svc.example.se/start?x=1&iss=https%3A%2F%2Fk.se%2Foidc',
    );
  });
});
