import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import type { Config } from '../config/config.ts';
import { serviceProviderIssuer } from '../use-cases/connected-services/hand-over.ts';
import {
  DEV_SERVICE_CLIENT_ID,
  DEV_SERVICE_CLIENT_SECRET,
  DEV_SERVICE_PATH,
  devServiceUrls,
} from './dev-service.seed.ts';

// A small example of a connected service, in demo mode only: a relying party of Kontakta's own
// OpenID Provider (code flow with PKCE, openid-client), so the hand-over of a citizen's login can
// be tried and tested end to end. Its sessions live in this process's memory; it is no product.

const COOKIE = 'dev_service';
const MAX_ENTRIES = 1000;
/** Token claims about the token itself, not the person: not shown as "handed over". */
const TOKEN_CLAIMS = new Set([
  'iss',
  'aud',
  'exp',
  'iat',
  'nbf',
  'nonce',
  'at_hash',
  'c_hash',
  'auth_time',
  'sid',
  'azp',
  'jti',
]);

type Pending = { state: string; nonce: string; codeVerifier: string };

export async function devServicePlugin(app: FastifyInstance, { config }: { config: Config }) {
  const issuer = serviceProviderIssuer(config.publicUrl);
  const urls = devServiceUrls(config.publicUrl);
  const pending = new Map<string, Pending>();
  const sessions = new Map<string, Record<string, unknown>>();
  let configuration: Promise<oidc.Configuration> | undefined;
  const configure = () => {
    configuration ??= oidc.discovery(
      new URL(issuer),
      DEV_SERVICE_CLIENT_ID,
      { client_secret: DEV_SERVICE_CLIENT_SECRET },
      oidc.ClientSecretBasic(DEV_SERVICE_CLIENT_SECRET),
      issuer.startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : {},
    );
    configuration.catch(() => {
      configuration = undefined;
    });
    return configuration;
  };
  const remember = <T>(map: Map<string, T>, key: string, value: T) => {
    if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value as string);
    map.set(key, value);
  };
  const cookieOf = (request: FastifyRequest) => request.cookies?.[COOKIE];
  const html = (reply: FastifyReply, status: number, body: string) =>
    reply.code(status).header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(page(body));

  app.get(`${DEV_SERVICE_PATH}/`, { schema: { hide: true } }, async (request, reply) => {
    const claims = sessions.get(cookieOf(request) ?? '');
    if (!claims) {
      return html(
        reply,
        200,
        `<h1>Exempeltjänsten</h1><p>Du är inte inloggad.</p><p><a href="${urls.start}">Logga in med Kontakta</a></p>`,
      );
    }
    const shown = Object.entries(claims).filter(([name]) => !TOKEN_CLAIMS.has(name));
    const who = typeof claims.name === 'string' ? claims.name : String(claims.sub);
    return html(
      reply,
      200,
      `<h1>Exempeltjänsten</h1><p id="logged-in">Inloggad som ${escapeHtml(who)}</p><h2>Uppgifter från Kontakta</h2><dl id="claims">${shown
        .map(([name, value]) => `<div><dt>${escapeHtml(name)}</dt><dd>${escapeHtml(String(value))}</dd></div>`)
        .join('')}</dl>`,
    );
  });

  // Where the contact card's link lands: start the code flow with Kontakta (any `iss` must be it).
  app.get(`${DEV_SERVICE_PATH}/login`, { schema: { hide: true } }, async (request, reply) => {
    const iss = (request.query as Record<string, unknown>).iss;
    if (iss !== undefined && iss !== issuer) return html(reply, 400, '<h1>Okänd utfärdare</h1>');
    const checks = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    const key = randomBytes(16).toString('base64url');
    remember(pending, key, checks);
    const url = oidc.buildAuthorizationUrl(await configure(), {
      redirect_uri: urls.callback,
      // It asks for everything; Kontakta hands over only what it was approved for.
      scope: 'openid profile personnummer',
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
    reply.setCookie(COOKIE, key, { path: DEV_SERVICE_PATH, httpOnly: true, sameSite: 'lax' });
    return reply.redirect(url.href, 303);
  });

  app.get(`${DEV_SERVICE_PATH}/callback`, { schema: { hide: true } }, async (request, reply) => {
    const key = cookieOf(request) ?? '';
    const checks = pending.get(key);
    if (!checks) return html(reply, 400, '<h1>Inloggningen har gått ut</h1>');
    pending.delete(key);
    const config = await configure();
    const current = new URL(request.url, urls.home);
    if (current.searchParams.get('error'))
      return html(reply, 200, '<h1>Exempeltjänsten</h1><p id="declined">Inloggningen avbröts.</p>');
    const tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) return html(reply, 400, '<h1>Ingen ID-token</h1>');
    const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
    const session = randomBytes(16).toString('base64url');
    remember(sessions, session, { ...userinfo, ...idToken });
    reply.setCookie(COOKIE, session, { path: DEV_SERVICE_PATH, httpOnly: true, sameSite: 'lax' });
    return reply.redirect(urls.home, 303);
  });
}

function page(body: string): string {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Exempeltjänsten</title></head><body><main>${body}</main></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
