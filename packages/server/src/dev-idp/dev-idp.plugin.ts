import fastifyFormbody from '@fastify/formbody';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type Provider from 'oidc-provider';
import { Type } from 'typebox';
import type { Config } from '../config/config.ts';
import { mountNodeHandler } from '../http/mount-node-handler.ts';
import type { Registers } from '../registers/index.ts';
import { DEV_DEFAULT_ACR, type DevIdentity, loadDevIdentities } from './dev-identities.ts';
import { DEV_IDP_STYLESHEET, errorPage, loginPage } from './dev-idp.pages.ts';
import { createDevIdpProvider, DEV_IDP_PATH } from './dev-idp.provider.ts';

// The provider's own answers bypass Fastify's hooks, so they get their own strict headers.
const PROVIDER_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const IDENTITIES_FRESH_MS = 30_000;

/**
 * Mounts the development e-ID provider at /dev-idp in Kontakta's own server: the same origin
 * (so the strict CSP's `form-action 'self'` holds through every redirect) and no extra port.
 * Built on first use: the signing key is generated then. Only outside production (see config).
 */
export async function devIdpPlugin(
  app: FastifyInstance,
  { config, registers }: { config: Config; registers: Registers },
) {
  const { identity } = config;
  const redirectUri = `${config.publicUrl}/api/auth/eid/callback`;
  let cache: { at: number; identities: Promise<DevIdentity[]> } | undefined;
  const identities = () => {
    if (!cache || Date.now() - cache.at > IDENTITIES_FRESH_MS) {
      const source = { registerDir: config.registerDir, registers, personnummerClaim: identity.personnummerClaim };
      cache = { at: Date.now(), identities: loadDevIdentities(source, new Date()) };
      cache.identities.catch(() => {
        cache = undefined;
      });
    }
    return cache.identities;
  };
  const findIdentity = async (subject: string) => (await identities()).find((i) => i.subject === subject);

  let provider: Provider | undefined;
  const getProvider = (): Provider => {
    provider ??= createDevIdpProvider({
      issuer: identity.citizen.issuer,
      clients: [identity.citizen, identity.staff].map((c) => ({ ...c, redirectUri })),
      personnummerClaim: identity.personnummerClaim,
      findIdentity,
      trustProxy: config.trustProxy,
      onServerError: (error) => app.log.error({ err: { type: error.name } }, 'development e-ID provider failed'),
    });
    return provider;
  };

  // The provider's endpoints (discovery, authorize, token, userinfo, keys).
  await mountNodeHandler(app, {
    prefix: DEV_IDP_PATH,
    headers: PROVIDER_HEADERS,
    handler: () => getProvider().callback(),
  });

  // The login page: Kontakta's own routes, so Kontakta's headers and CSP apply.
  await app.register(async (plain) => {
    await plain.register(fastifyFormbody, { bodyLimit: 4096 });
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    const html = (reply: FastifyReply, status: number, body: string) =>
      reply.code(status).type('text/html; charset=utf-8').send(body);
    const params = Type.Object({ uid: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }) });

    scope.get(`${DEV_IDP_PATH}/static/dev-idp.css`, { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/css; charset=utf-8').send(DEV_IDP_STYLESHEET),
    );

    scope.get(`${DEV_IDP_PATH}/interaction/:uid`, { schema: { hide: true, params } }, async (request, reply) => {
      const details = await getProvider()
        .interactionDetails(request.raw, reply.raw)
        .catch(() => undefined);
      if (!details) return html(reply, 400, errorPage('expired', 'Inloggningen har gått ut. Börja om från Kontakta.'));
      return html(reply, 200, loginPage(details.uid, await identities()));
    });

    scope.post(
      `${DEV_IDP_PATH}/interaction/:uid/login`,
      { schema: { hide: true, params, body: Type.Object({ identity: Type.String({ maxLength: 100 }) }) } },
      async (request, reply) => {
        const chosen = await findIdentity(request.body.identity);
        if (!chosen) return html(reply, 400, errorPage('unknown', 'Den personen finns inte längre. Börja om.'));
        const returnTo = await getProvider()
          .interactionResult(
            request.raw,
            reply.raw,
            { login: { accountId: chosen.subject, acr: chosen.acr ?? DEV_DEFAULT_ACR } },
            {
              mergeWithLastSubmission: false,
            },
          )
          .catch(() => undefined);
        if (!returnTo)
          return html(reply, 400, errorPage('expired', 'Inloggningen har gått ut. Börja om från Kontakta.'));
        return reply.redirect(returnTo, 303);
      },
    );

    scope.post(`${DEV_IDP_PATH}/interaction/:uid/abort`, { schema: { hide: true, params } }, async (request, reply) => {
      const returnTo = await getProvider()
        .interactionResult(
          request.raw,
          reply.raw,
          { error: 'access_denied', error_description: 'Inloggningen avbröts.' },
          { mergeWithLastSubmission: false },
        )
        .catch(() => undefined);
      if (!returnTo) return html(reply, 400, errorPage('expired', 'Inloggningen har gått ut. Börja om från Kontakta.'));
      return reply.redirect(returnTo, 303);
    });
  });
}
