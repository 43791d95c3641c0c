// The part of oidc-provider (which ships no types) that the development e-ID provider and
// Kontakta's own provider for connected services (openid-provider/) use.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type AccountClaims = Record<string, unknown> & { sub: string };
  export type Account = { accountId: string; claims(): Promise<AccountClaims> };

  export class Grant {
    constructor(properties: { clientId: string; accountId: string });
    static find(id: string): Promise<Grant | undefined>;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    rejectOIDCScope(scope: string): void;
    rejectOIDCClaims(claims: string[]): void;
    save(): Promise<string>;
  }

  export class Interaction {
    static find(id: string): Promise<Interaction | undefined>;
    params: Record<string, unknown>;
    returnTo: string;
    exp: number;
    result?: Record<string, unknown>;
    save(ttl: number): Promise<string>;
  }

  export class Client {
    clientId: string;
    clientSecret?: string;
    compareClientSecret(actual: string): boolean | Promise<boolean>;
  }

  export type OIDCContext = {
    provider: { Grant: typeof Grant };
    params?: Record<string, unknown>;
    client?: { clientId: string };
    session?: { accountId?: string; grantIdFor(clientId: string): string | undefined };
    result?: { consent?: { grantId?: string } };
  };

  export type KoaContextWithOIDC = { oidc: OIDCContext; type: string; body: unknown };

  export type InteractionDetails = {
    uid: string;
    prompt: { name: string };
    params: Record<string, unknown>;
  };

  export type Configuration = {
    adapter?: unknown;
    clients?: Array<Record<string, unknown>>;
    responseTypes?: string[];
    pkce?: { required?: () => boolean };
    scopes?: string[];
    /** Scope name to its claims; a claim of its own (`acr: null`) comes whatever the scopes. */
    claims?: Record<string, string[] | null>;
    /** The levels of assurance (`acr`) the provider offers; without them no `acr` is issued. */
    acrValues?: string[];
    conformIdTokenClaims?: boolean;
    features?: Record<string, { enabled: boolean }>;
    jwks?: { keys: unknown[] };
    cookies?: { keys?: string[]; short?: { path?: string } };
    ttl?: Record<string, number>;
    interactions?: { url(ctx: KoaContextWithOIDC, interaction: { uid: string }): string };
    clientBasedCORS?: () => boolean;
    clientAuthMethods?: string[];
    enabledJWA?: Record<string, string[]>;
    extraClientMetadata?: { properties: string[] };
    findAccount?(ctx: KoaContextWithOIDC, subject: string): Promise<Account | undefined>;
    loadExistingGrant?(ctx: KoaContextWithOIDC): Promise<Grant | undefined>;
    renderError?(ctx: KoaContextWithOIDC, out: Record<string, unknown>, error: Error): Promise<void>;
  };

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    proxy: boolean;
    Grant: typeof Grant;
    Interaction: typeof Interaction;
    Client: typeof Client;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionResult(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<string>;
    on(event: 'server_error', listener: (ctx: unknown, error: Error) => void): this;
  }
}
