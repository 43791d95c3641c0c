import * as oidc from 'openid-client';

/** One OpenID Connect client: the citizens' e-ID broker, or the staff's (SITHS) identity provider. */
export type OidcClientSettings = Readonly<{
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  redirectUri: string;
  /** The claim that carries the personnummer, e.g. `personal_number` (Idura calls it `ssn`). */
  personnummerClaim: string;
  /** The levels of assurance (`acr`) accepted: asked for as `acr_values`, checked in the ID token. */
  acceptedAcr: readonly string[];
}>;

/** What the browser must bring back: kept server-side between the redirect and the callback. */
export type AuthorizationChecks = Readonly<{ state: string; nonce: string; codeVerifier: string }>;

export type OidcRelyingParty = Readonly<{
  settings: OidcClientSettings;
  authorizationUrl(checks: AuthorizationChecks): Promise<string>;
  /**
   * Validates the provider's answer (state, issuer, code exchange with PKCE, ID token signature,
   * audience, nonce, expiry) and returns the identity's claims; `acr` only ever from the ID token.
   */
  claimsFromCallback(callbackUrl: URL, checks: AuthorizationChecks): Promise<Readonly<Record<string, unknown>>>;
}>;

/** The provider could not be reached or did not answer as a provider should. */
export class OidcProviderUnavailableError extends Error {}

export function newAuthorizationChecks(): AuthorizationChecks {
  return { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
}

/**
 * A relying party that discovers its provider on first use (the bundled development provider
 * is only reachable once the server listens) and again after a failed discovery.
 */
export function createOidcRelyingParty(settings: OidcClientSettings): OidcRelyingParty {
  let configuration: Promise<oidc.Configuration> | undefined;
  const configure = (): Promise<oidc.Configuration> => {
    configuration ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        { client_secret: settings.clientSecret },
        oidc.ClientSecretBasic(settings.clientSecret),
        // Plain http only where configuration allowed it: a development provider on this machine.
        settings.issuer.startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : {},
      )
      .catch((error: unknown) => {
        configuration = undefined;
        throw new OidcProviderUnavailableError(`OpenID discovery failed: ${(error as Error).name}`, { cause: error });
      });
    return configuration;
  };

  return {
    settings,
    async authorizationUrl(checks) {
      const config = await configure();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scopes,
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
        // Always a fresh identification: a shared computer must never log the next person in
        // on the provider's remembered session.
        prompt: 'login',
        ui_locales: 'sv en',
        // A request only (the provider may ignore it); the ID token's `acr` is checked at the callback.
        acr_values: settings.acceptedAcr.join(' '),
      });
      return url.href;
    },
    async claimsFromCallback(callbackUrl, checks) {
      const config = await configure();
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('the provider returned no ID token');
      if (idToken[settings.personnummerClaim] !== undefined || !config.serverMetadata().userinfo_endpoint) {
        return idToken;
      }
      // Some providers put the identity's claims only in the userinfo answer, bound to the same sub.
      // The level of assurance counts only from the signed ID token, never from userinfo.
      const { acr: _fromUserinfo, ...userinfo } = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
      return { ...userinfo, ...idToken };
    },
  };
}
