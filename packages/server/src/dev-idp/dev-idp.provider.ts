import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { SWEDISH_LOA } from '../identity/assurance-level.ts';
import type { DevIdentity } from './dev-identities.ts';
import { errorPage } from './dev-idp.pages.ts';
import { createDevIdpAdapterFactory } from './dev-idp-memory.adapter.ts';

export const DEV_IDP_PATH = '/dev-idp';

export type DevIdpClient = Readonly<{ clientId: string; clientSecret: string; redirectUri: string }>;

export type DevIdpOptions = Readonly<{
  issuer: string;
  clients: readonly DevIdpClient[];
  personnummerClaim: string;
  findIdentity(subject: string): Promise<DevIdentity | undefined>;
  /** Behind a TLS proxy, the provider's own addresses come from X-Forwarded-Proto/Host. */
  trustProxy: boolean;
  onServerError(error: Error): void;
}>;

/**
 * The development e-ID provider: a real OpenID Provider (oidc-provider), so Kontakta's client
 * runs the same code path it runs against a BankID broker. Authorization code flow with PKCE
 * only; fresh signing and cookie keys at every start; consent is implicit (Kontakta is the only
 * client); sessions live ten minutes at most.
 */
export function createDevIdpProvider(options: DevIdpOptions): Provider {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = {
    ...privateKey.export({ format: 'jwk' }),
    kid: randomBytes(8).toString('hex'),
    use: 'sig',
    alg: 'RS256',
  };
  const identityClaims = [options.personnummerClaim, 'given_name', 'family_name', 'name', 'country'];

  const configuration: Configuration = {
    adapter: createDevIdpAdapterFactory(),
    clients: dedupe(options.clients).map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: [client.redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    responseTypes: ['code'],
    pkce: { required: () => true },
    scopes: ['openid', 'profile'],
    // The personnummer comes with `openid` itself, as brokers send their `ssn`/`personal_number`.
    // `acr` is the level of assurance of the chosen identity's e-ID, in every ID token.
    claims: {
      acr: null,
      openid: ['sub', options.personnummerClaim],
      profile: ['given_name', 'family_name', 'name', 'country'],
    },
    acrValues: [SWEDISH_LOA.loa2, SWEDISH_LOA.loa3, SWEDISH_LOA.loa4],
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      userinfo: { enabled: true },
    },
    jwks: { keys: [signingKey as never] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    ttl: {
      AccessToken: 300,
      AuthorizationCode: 60,
      IdToken: 300,
      Interaction: 600,
      Session: 600,
      Grant: 600,
    },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `${DEV_IDP_PATH}/interaction/${interaction.uid}` },
    clientBasedCORS: () => false,
    async findAccount(_ctx, subject) {
      const identity = await options.findIdentity(subject);
      if (!identity) return undefined;
      return {
        accountId: subject,
        async claims() {
          return { sub: subject, ...identity.claims };
        },
      };
    },
    // Kontakta is the provider's only client: consent is given with the login.
    async loadExistingGrant(ctx) {
      const { oidc } = ctx;
      const client = oidc.client;
      const session = oidc.session;
      if (!client || !session?.accountId) return undefined;
      const grantId = oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      const existing = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
      if (existing) return existing;
      const grant = new oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid profile');
      grant.addOIDCClaims(identityClaims);
      await grant.save();
      return grant;
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = errorPage(String(out.error ?? 'error'), String(out.error_description ?? ''));
    },
  };
  const provider = new Provider(options.issuer, configuration);
  provider.proxy = options.trustProxy;
  provider.on('server_error', (_ctx: unknown, error: Error) => options.onServerError(error));
  return provider;
}

function dedupe(clients: readonly DevIdpClient[]): DevIdpClient[] {
  const byId = new Map<string, DevIdpClient>();
  for (const client of clients) {
    const known = byId.get(client.clientId);
    if (known && known.clientSecret !== client.clientSecret) {
      throw new Error(`two secrets for the development client ${client.clientId}`);
    }
    if (!known) byId.set(client.clientId, client);
  }
  return [...byId.values()];
}
