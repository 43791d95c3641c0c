import fastifyRateLimit from '@fastify/rate-limit';
import { authRoutes as routes } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import type { OidcProviderConfig } from '../../config/config.ts';
import { createOidcRelyingParty } from '../../identity/oidc-relying-party.ts';
import type { EidRelyingParties } from '../../use-cases/login/finish-eid-login.ts';
import type { Services } from '../../use-cases/services.ts';
import { handle } from '../route-handler.ts';
import { eidLoginRoutes } from './eid-login.routes.ts';
import { passwordLoginRoutes } from './password-login.routes.ts';
import { staffUnitRoutes } from './staff-unit.routes.ts';

/**
 * Every way in, under one request-rate limit per client address and endpoint (the first line
 * against brute force and SMS or letter flooding; the per-account backoff is the second).
 */
export async function authRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { config } = services;
  const { identity } = config;
  const party = (provider: OidcProviderConfig) =>
    createOidcRelyingParty({
      ...provider,
      scopes: identity.scopes,
      redirectUri: `${config.publicUrl}/api/auth/eid/callback`,
      personnummerClaim: identity.personnummerClaim,
    });
  const parties: EidRelyingParties = { citizen: party(identity.citizen), staff: party(identity.staff) };

  await app.register(fastifyRateLimit, {
    global: true,
    max: identity.loginRateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => `${request.ip} ${request.routeOptions.url ?? ''}`,
  });

  handle(app, routes.methods, async () => ({ eid: true, passwordAndCode: identity.passwordLogin, staffEid: true }));
  await app.register(eidLoginRoutes, { services, parties });
  await app.register(staffUnitRoutes, { services });
  if (identity.passwordLogin) await app.register(passwordLoginRoutes, { services });
}
