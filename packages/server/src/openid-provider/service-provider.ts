import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceClaim } from '@kontakta/contract';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { HandOverInteractions } from '../use-cases/connected-services/hand-over.ts';
import type { ClientMetadata, createDatabaseAdapter } from './database.adapter.ts';

/** The citizen web app's page for a waiting request (consent, or straight on). */
export const HAND_OVER_PAGE = '/e-tjanst';

/** Scope to claims: `openid` gives only the pairwise `sub`; the others only as approved and consented. */
const SCOPE_CLAIMS: Readonly<Record<string, readonly string[]>> = {
  openid: ['sub'],
  profile: ['name', 'given_name', 'family_name'],
  personnummer: ['personnummer'],
};
const CLAIM_SCOPE: Readonly<Record<ServiceClaim, string>> = { name: 'profile', personnummer: 'personnummer' };

export type HandedOverAccount = Readonly<{
  clientId: string;
  claims: readonly ServiceClaim[];
  givenName: string;
  familyName: string;
  personnummer: string;
}>;

export type ServiceProviderOptions = Readonly<{
  issuer: string;
  adapter: ReturnType<typeof createDatabaseAdapter>;
  signingKey: Record<string, unknown>;
  cookieKeys: string[];
  /** The citizen behind a pairwise subject, with what they consented to hand over to that client. */
  findAccount(subject: string): Promise<HandedOverAccount | undefined>;
  trustProxy: boolean;
  onServerError(error: Error): void;
}>;

/** A connected service as oidc-provider's client: code flow with PKCE, secret compared by its hash. */
export function clientMetadata(service: {
  clientId: string;
  secretHash: string;
  redirectUris: string[];
}): ClientMetadata {
  return {
    client_id: service.clientId,
    client_secret: service.secretHash,
    redirect_uris: service.redirectUris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: 'RS256',
  };
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Kontakta as OpenID Provider for its connected services: a real oidc-provider, authorization code
 * flow with PKCE only, clients from the database. There is no login of its own: every request
 * goes to the citizen web app's hand-over page, which uses the citizen's Kontakta session (and
 * sends them through Kontakta's login first if they have none) and asks for consent the first
 * time. The provider's own session cookie is never kept (see the plugin), so the person handed
 * over is always the one logged in to Kontakta now.
 */
export function createServiceProvider(options: ServiceProviderOptions): Provider {
  const configuration: Configuration = {
    adapter: options.adapter,
    clients: [],
    responseTypes: ['code'],
    pkce: { required: () => true },
    scopes: Object.keys(SCOPE_CLAIMS),
    claims: { ...SCOPE_CLAIMS } as Record<string, string[]>,
    clientAuthMethods: ['client_secret_basic'],
    enabledJWA: { idTokenSigningAlgValues: ['RS256'], requestObjectSigningAlgValues: ['RS256'] },
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      userinfo: { enabled: true },
      claimsParameter: { enabled: false },
    },
    jwks: { keys: [options.signingKey] },
    // The interaction cookie on `/` (not only on the hand-over page's path), so that the web app's
    // API calls carry it: a request is answered only from the browser that started it.
    cookies: { keys: options.cookieKeys, short: { path: '/' } },
    ttl: { AccessToken: 300, AuthorizationCode: 60, IdToken: 300, Interaction: 900, Session: 60, Grant: 300 },
    interactions: {
      url: (_ctx: KoaContextWithOIDC, interaction) => `${HAND_OVER_PAGE}/${encodeURIComponent(interaction.uid)}`,
    },
    clientBasedCORS: () => false,
    async findAccount(ctx, subject) {
      const account = await options.findAccount(subject);
      if (!account || account.clientId !== ctx.oidc.client?.clientId) return undefined;
      return {
        accountId: subject,
        async claims() {
          return {
            sub: subject,
            ...(account.claims.includes('name')
              ? {
                  name: `${account.givenName} ${account.familyName}`,
                  given_name: account.givenName,
                  family_name: account.familyName,
                }
              : {}),
            ...(account.claims.includes('personnummer') ? { personnummer: account.personnummer } : {}),
          };
        },
      };
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = errorPage(String(out.error ?? 'error'));
    },
  };
  const provider = new Provider(options.issuer, configuration);
  provider.proxy = options.trustProxy;
  // Only the secret's hash is stored: compare the hash of what the client sends, in constant time.
  provider.Client.prototype.compareClientSecret = function compareHashed(this: { clientSecret?: string }, actual) {
    const expected = Buffer.from(this.clientSecret ?? '', 'utf8');
    const given = Buffer.from(sha256Hex(String(actual)), 'utf8');
    return expected.length === given.length && timingSafeEqual(expected, given);
  };
  provider.on('server_error', (_ctx: unknown, error: Error) => options.onServerError(error));
  return provider;
}

/**
 * The port the hand-over use cases answer requests through, for one browser request: a waiting
 * request is found only through the interaction cookie the provider set in the browser that
 * started it, so a link to someone else's request (sent to a victim to answer it for the sender)
 * finds nothing.
 */
export function interactionsOf(
  provider: Provider,
  browser: Readonly<{ req: IncomingMessage; res: ServerResponse }>,
  onHandOver: (clientId: string) => void,
): HandOverInteractions {
  const ours = async (uid: string) => {
    const details = await provider.interactionDetails(browser.req, browser.res).catch(() => undefined);
    return details?.uid === uid ? provider.Interaction.find(uid) : undefined;
  };
  return {
    async find(uid) {
      const interaction = await ours(uid);
      const clientId = interaction?.params.client_id;
      return typeof clientId === 'string' ? { clientId } : undefined;
    },
    async finish(uid, result) {
      const interaction = await ours(uid);
      if (!interaction) throw new Error('the hand-over request has expired');
      const ttl = Math.max(1, interaction.exp - Math.floor(Date.now() / 1000));
      if ('denied' in result) {
        interaction.result = { error: 'access_denied', error_description: 'The citizen declined.' };
      } else {
        const clientId = String(interaction.params.client_id);
        const grant = new provider.Grant({ accountId: result.subject, clientId });
        const allowed = new Set(['openid', ...result.claims.map((claim) => CLAIM_SCOPE[claim])]);
        for (const scope of String(interaction.params.scope ?? '')
          .split(' ')
          .filter(Boolean)) {
          if (allowed.has(scope)) grant.addOIDCScope(scope);
          else grant.rejectOIDCScope(scope);
        }
        const grantId = await grant.save();
        interaction.result = { login: { accountId: result.subject }, consent: { grantId } };
        onHandOver(clientId);
      }
      await interaction.save(ttl);
      return interaction.returnTo;
    },
  };
}

function errorPage(code: string): string {
  const safe = code.replace(/[^a-z_]/gi, '');
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Kontakta</title></head><body><main><h1>Inloggningen till tjänsten gick inte att genomföra</h1><p lang="en">The login to the service could not be completed.</p><p>(${safe})</p></main></body></html>`;
}
