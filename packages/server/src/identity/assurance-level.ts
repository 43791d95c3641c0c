// Levels of assurance (tillitsnivåer) an e-ID login can carry in the ID token's `acr` claim.
// The URIs are the Swedish e-ID framework's (Sweden Connect's registry of identifiers, ELN-0603):
// BankID and Freja+ (Freja eID with a verified identity) are level 3; basic Freja eID, without
// the ID check, is level 2 and not enough for a health service.

export const SWEDISH_LOA = {
  loa2: 'http://id.elegnamnden.se/loa/1.0/loa2',
  loa3: 'http://id.elegnamnden.se/loa/1.0/loa3',
  loa4: 'http://id.elegnamnden.se/loa/1.0/loa4',
  /** Self-declared "comparable to level 3" by a provider DIGG has not certified: not accepted by default. */
  uncertifiedLoa3: 'http://id.swedenconnect.se/loa/1.0/uncertified-loa3',
} as const;

/** What Kontakta accepts unless configured otherwise: certified level 3 and level 4. */
export const DEFAULT_ACCEPTED_ACR: readonly string[] = [SWEDISH_LOA.loa3, SWEDISH_LOA.loa4];

/**
 * Whether the ID token's `acr` is one the installation accepts. A provider may ignore the
 * `acr_values` Kontakta asks for, so this is checked on every answer; no `acr` is not enough.
 * Exact comparison: levels of assurance are names, not numbers to order.
 */
export function hasAcceptedAssurance(acr: unknown, accepted: readonly string[]): boolean {
  return typeof acr === 'string' && accepted.includes(acr);
}
