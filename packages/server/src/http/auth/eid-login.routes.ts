import { Problem } from '@kontakta/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { OidcProviderUnavailableError } from '../../identity/oidc-relying-party.ts';
import type { LoginAudience } from '../../storage/schema.ts';
import { beginEidLogin, LOGIN_FLOW_TTL_MS } from '../../use-cases/login/begin-eid-login.ts';
import { type EidRelyingParties, finishEidLogin } from '../../use-cases/login/finish-eid-login.ts';
import type { Services } from '../../use-cases/services.ts';
import { sessionCookieName, setSessionCookie } from '../sessions.ts';
import { clearLoginFlowCookie, loginFlowCookie, setLoginFlowCookie } from './login-cookies.ts';
import { afterLogin, afterRefusal } from './login-redirects.ts';

const Redirect = Type.Null({ description: 'A redirect; see the Location header.' });
const responses = { 303: Redirect, '4xx': Problem };
const ProviderAnswer = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 2048 })),
    state: Type.Optional(Type.String({ maxLength: 512 })),
    iss: Type.Optional(Type.String({ maxLength: 512 })),
    error: Type.Optional(Type.String({ maxLength: 256 })),
    error_description: Type.Optional(Type.String({ maxLength: 1024 })),
  },
  // Providers may add their own parameters (session_state…); they are ignored.
  { additionalProperties: Type.String({ maxLength: 2048 }) },
);

/**
 * e-ID login through OpenID Connect, server-side: the browser is sent to the provider and back;
 * tokens never reach it. One callback serves citizens and staff: the flow knows which it was.
 */
export async function eidLoginRoutes(
  app: FastifyInstance,
  { services, parties }: { services: Services; parties: EidRelyingParties },
) {
  const { config } = services;
  const tags = ['login'];

  const start = (audience: LoginAudience) => async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      const { flowToken, redirectUrl } = await beginEidLogin(services, parties[audience], audience);
      setLoginFlowCookie(reply, config, flowToken, LOGIN_FLOW_TTL_MS / 1000);
      return reply.redirect(redirectUrl, 303);
    } catch (error) {
      if (!(error instanceof OidcProviderUnavailableError)) throw error;
      request.log.warn({ login: { audience, method: 'eid', result: 'failed', reason: 'unavailable' } }, 'login');
      return reply.redirect(afterRefusal(audience, 'unavailable'), 303);
    }
  };

  app.get(
    '/api/auth/eid/start',
    { schema: { tags, summary: 'Log in as a citizen with e-ID (redirects to the provider)', response: responses } },
    start('citizen'),
  );
  app.get(
    '/api/auth/staff/start',
    { schema: { tags, summary: 'Log in as staff with e-ID/SITHS (redirects to the provider)', response: responses } },
    start('staff'),
  );

  app.get(
    '/api/auth/eid/callback',
    {
      schema: {
        tags,
        summary: 'Where the e-ID provider sends the browser back',
        querystring: ProviderAnswer,
        response: responses,
      },
    },
    async (request, reply) => {
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
        return reply.redirect(afterRefusal(audience, reason), 303);
      }
      request.log.info({ login: { audience, method: 'eid', result: 'success' } }, 'login');
      setSessionCookie(reply, config, result.session.token);
      return reply.redirect(afterLogin(result.next), 303);
    },
  );
}
