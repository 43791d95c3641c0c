import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type Provider from 'oidc-provider';
import { keyedHash } from '../encryption/keyed-hash.ts';
import { mountNodeHandler } from '../http/mount-node-handler.ts';
import {
  findHandedOverAccount,
  findServiceClient,
  type HandOverInteractions,
  serviceProviderIssuer,
} from '../use-cases/connected-services/hand-over.ts';
import type { Services } from '../use-cases/services.ts';

export const SERVICE_PROVIDER_PREFIX = '/oidc';

// The provider's own answers bypass Fastify's hooks, so they get their own strict headers.
const PROVIDER_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/**
 * Kontakta as OpenID Provider for connected services, built on first use: oidc-provider costs
 * tens of megabytes, so it is loaded (and the signing key read) only when a request reaches
 * /oidc or a citizen answers a hand-over. The provider's own session cookie is dropped from every
 * request: the citizen's Kontakta session decides who is handed over, each time.
 */
export function serviceProvider(services: Services, log: Pick<FastifyInstance['log'], 'info' | 'error'>) {
  let built: Promise<Provider> | undefined;
  const provider = (): Promise<Provider> => {
    built ??= build();
    built.catch(() => {
      built = undefined;
    });
    return built;
  };
  const build = async (): Promise<Provider> => {
    const [{ createServiceProvider, clientMetadata }, { createDatabaseAdapter }, { loadSigningKey }] =
      await Promise.all([import('./service-provider.ts'), import('./database.adapter.ts'), import('./signing-key.ts')]);
    const { database, keys, clock, config } = services;
    const cookieKey = keyedHash(keys, keys.currentId, 'oidc-provider-cookies', 'v1') as string;
    return createServiceProvider({
      issuer: serviceProviderIssuer(config.publicUrl),
      adapter: createDatabaseAdapter(database, clock, async (clientId) => {
        const client = await findServiceClient(database, clientId);
        return client ? clientMetadata(client) : undefined;
      }),
      signingKey: await loadSigningKey(database, keys, clock()),
      cookieKeys: [cookieKey],
      findAccount: (subject) => findHandedOverAccount(database, subject),
      trustProxy: config.trustProxy,
      onServerError: (error) =>
        log.error({ err: { type: error.name } }, 'OpenID provider for connected services failed'),
    });
  };
  /** The hand-over port for one browser request (see interactionsOf). */
  const interactions = (req: IncomingMessage, res: ServerResponse): HandOverInteractions => {
    const bound = async () => {
      const [{ interactionsOf }, built] = await Promise.all([import('./service-provider.ts'), provider()]);
      return interactionsOf(built, { req, res }, onHandOver);
    };
    return {
      find: async (uid) => (await bound()).find(uid),
      finish: async (uid, result) => (await bound()).finish(uid, result),
    };
  };
  // The operational log names the client only, never the citizen.
  const onHandOver = (clientId: string) => log.info({ clientId }, 'login handed over to a connected service');

  async function plugin(app: FastifyInstance) {
    await mountNodeHandler(app, {
      prefix: SERVICE_PROVIDER_PREFIX,
      headers: PROVIDER_HEADERS,
      handler: async () => (await provider()).callback(),
      prepare: dropProviderSession,
    });
  }
  return { interactions, plugin };
}

/** Removes the provider's own session cookies from a request (see above). */
export function dropProviderSession(raw: IncomingMessage): void {
  const cookie = raw.headers.cookie;
  if (!cookie) return;
  const kept = cookie
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !/^_session(\.|=)/.test(part));
  if (kept.length === 0) delete raw.headers.cookie;
  else raw.headers.cookie = kept.join('; ');
}
