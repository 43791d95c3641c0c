import { authRoutes as routes } from '@kontakta/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { OidcProviderUnavailableError } from '../../identity/oidc-relying-party.ts';
import type { LoginAudience } from '../../storage/schema.ts';
import { beginEidLogin, LOGIN_FLOW_TTL_MS } from '../../use-cases/login/begin-eid-login.ts';
import { type EidRelyingParties, finishEidLogin } from '../../use-cases/login/finish-eid-login.ts';
import type { Services } from '../../use-cases/services.ts';
import { handle } from '../route-handler.ts';
import { sessionCookieName, setSessionCookie } from '../sessions.ts';
import { clearLoginFlowCookie, loginFlowCookie, setLoginFlowCookie } from './login-cookies.ts';
import { afterLogin, afterRefusal } from './login-redirects.ts';

/**
 * e-ID login through OpenID Connect, server-side: the browser is sent to the provider and back;
 * tokens never reach it. One callback serves citizens and staff: the flow knows which it was.
 */
export async function eidLoginRoutes(
  app: FastifyInstance,
  { services, parties }: { services: Services; parties: EidRelyingParties },
) {
  const { config } = services;
  const start =
    (audience: LoginAudience) =>
    async ({ request, reply, returnTo }: { request: FastifyRequest; reply: FastifyReply; returnTo?: string }) => {
      try {
        const { flowToken, redirectUrl } = await beginEidLogin(services, parties[audience], audience, returnTo);
        setLoginFlowCookie(reply, config, flowToken, LOGIN_FLOW_TTL_MS / 1000);
        reply.redirect(redirectUrl, 303);
      } catch (error) {
        if (!(error instanceof OidcProviderUnavailableError)) throw error;
        request.log.warn({ login: { audience, method: 'eid', result: 'failed', reason: 'unavailable' } }, 'login');
        reply.redirect(afterRefusal(audience, 'unavailable'), 303);
      }
    };

  handle(app, routes.citizenEidStart, ({ request, reply, query }) =>
    start('citizen')({ request, reply, returnTo: query.returnTo }),
  );
  handle(app, routes.staffEidStart, start('staff'));

  handle(app, routes.eidCallback, async ({ request, reply }) => {
    const result = await finishEidLogin(services, parties, {
      flowToken: loginFlowCookie(request, config),
      callbackUrl: new URL(request.url, config.publicUrl),
      previousSessionToken: request.cookies[sessionCookieName(config)],
    });
    clearLoginFlowCookie(reply, config);
    const { audience } = result;
    if (!result.ok) {
      const { reason } = result;
      request.log.info(
        { login: { audience, method: 'eid', result: 'refused', reason, errorKind: result.errorKind } },
        'login',
      );
      reply.redirect(afterRefusal(audience, reason), 303);
      return;
    }
    request.log.info({ login: { audience, method: 'eid', result: 'success' } }, 'login');
    setSessionCookie(reply, config, result.session.token);
    reply.redirect(afterLogin(result.next, result.returnPath), 303);
  });
}
