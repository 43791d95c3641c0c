import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCEPTED_ACR, hasAcceptedAssurance, SWEDISH_LOA } from './assurance-level.ts';

describe('the level of assurance an ID token carries', () => {
  it('accepts BankID and Freja+ (level 3) and level 4 by default', () => {
    expect(hasAcceptedAssurance(SWEDISH_LOA.loa3, DEFAULT_ACCEPTED_ACR)).toBe(true);
    expect(hasAcceptedAssurance(SWEDISH_LOA.loa4, DEFAULT_ACCEPTED_ACR)).toBe(true);
  });

  it.each([
    ['no acr at all', undefined],
    ['an empty acr', ''],
    ['basic Freja (level 2)', SWEDISH_LOA.loa2],
    ['a self-declared, uncertified level 3', SWEDISH_LOA.uncertifiedLoa3],
    ['a level written differently', SWEDISH_LOA.loa3.toUpperCase()],
    ['a level with a trailing space', `${SWEDISH_LOA.loa3} `],
    ['a list instead of one value', [SWEDISH_LOA.loa3]],
    ['a number', 3],
  ])('refuses %s', (_name, acr) => {
    expect(hasAcceptedAssurance(acr, DEFAULT_ACCEPTED_ACR)).toBe(false);
  });

  it('accepts what the installation configures, and nothing when nothing matches', () => {
    expect(hasAcceptedAssurance('urn:grn:authn:se:bankid', ['urn:grn:authn:se:bankid'])).toBe(true);
    expect(hasAcceptedAssurance(SWEDISH_LOA.loa3, ['urn:grn:authn:se:bankid'])).toBe(false);
    expect(hasAcceptedAssurance(SWEDISH_LOA.loa3, [])).toBe(false);
  });
});
