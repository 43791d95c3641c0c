import { authRoutes as routes } from '@kontakta/contract';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { finishPasswordLogin } from '../../use-cases/login/finish-password-login.ts';
import { resendLoginCode } from '../../use-cases/login/resend-login-code.ts';
import { setUpPasswordAccount } from '../../use-cases/login/set-up-password-account.ts';
import { startPasswordLogin } from '../../use-cases/login/start-password-login.ts';
import type { Services } from '../../use-cases/services.ts';
import { AppError } from '../problem.ts';
import { requestLanguage } from '../request-language.ts';
import { handle } from '../route-handler.ts';
import { sessionCookieName, setSessionCookie } from '../sessions.ts';
import { clearLoginCodeCookie, loginCodeCookie, setLoginCodeCookie } from './login-cookies.ts';

const FIELD_MESSAGES: Readonly<Record<string, string>> = {
  'coordination-number': 'is a coordination number, which cannot be used to log in',
  'reserve-number': 'is a reserve number, which cannot be used to log in',
  'interim-number': 'is an interim number, which cannot be used to log in',
  'not-a-mobile-number': 'is not a mobile number',
  'country-not-allowed': 'is a number in a country Kontakta does not send text messages to',
};

function invalid(field: string, code: string): AppError {
  return new AppError('validation-failed', undefined, [
    { path: `body.${field}`, code, message: FIELD_MESSAGES[code] ?? 'is not a valid personal identity number' },
  ]);
}

function throttled(reply: FastifyReply, retryAfterSeconds: number): AppError {
  reply.header('Retry-After', String(retryAfterSeconds));
  return new AppError('too-many-requests');
}

/**
 * Password + SMS code (the weaker way in, per installation): set up an account (the password
 * comes by letter), then personnummer + password, then the code. The answers never tell whether
 * a personnummer has an account.
 */
export async function passwordLoginRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { config } = services;
  handle(app, routes.setUpAccount, async ({ body }) => {
    const result = await setUpPasswordAccount(services, { personnummer: body.personnummer, mobile: body.mobile });
    if (result.ok) return { outcome: result.outcome };
    if (result.problem === 'invalid-input') throw invalid(result.field, result.code);
    throw new AppError('service-unavailable');
  });

  handle(app, routes.passwordLogin, async ({ body, request, reply }) => {
    const result = await startPasswordLogin(services, {
      personnummer: body.personnummer,
      password: body.password,
      clientAddress: request.ip,
      language: requestLanguage(request),
    });
    const log = (outcome: string) =>
      request.log.info({ login: { audience: 'citizen', method: 'password-sms', step: 'password', outcome } }, 'login');
    if (result.ok) {
      log('code-sent');
      setLoginCodeCookie(reply, config, result.challengeToken, result.validSeconds);
      return { codeSentTo: result.maskedMobile, codeValidSeconds: result.validSeconds };
    }
    log(result.problem);
    if (result.problem === 'invalid-input') throw invalid('personnummer', result.code);
    if (result.problem === 'throttled') throw throttled(reply, result.retryAfterSeconds);
    if (result.problem === 'invalid-credentials') throw new AppError('invalid-credentials');
    if (result.problem === 'refused') throw new AppError('login-refused');
    throw new AppError('service-unavailable');
  });

  handle(app, routes.resendLoginCode, async ({ request, reply }) => {
    const result = await resendLoginCode(services, {
      challengeToken: loginCodeCookie(request, config),
      clientAddress: request.ip,
      language: requestLanguage(request),
    });
    const outcome = result.ok ? 'code-sent' : result.problem;
    request.log.info({ login: { audience: 'citizen', method: 'password-sms', step: 'resend', outcome } }, 'login');
    if (result.ok) {
      // The same login, a new five minutes: the cookie lives as long as the new code.
      setLoginCodeCookie(reply, config, result.challengeToken, result.validSeconds);
      return {
        codeSentTo: result.maskedMobile,
        codeValidSeconds: result.validSeconds,
        resendsLeft: result.resendsLeft,
      };
    }
    if (result.problem === 'code-expired') {
      clearLoginCodeCookie(reply, config);
      throw new AppError('code-expired');
    }
    if (result.problem === 'throttled') throw throttled(reply, result.retryAfterSeconds);
    if (result.problem === 'refused') throw new AppError('login-refused');
    if (result.problem === 'too-soon') {
      reply.header('Retry-After', String(result.retryAfterSeconds));
      throw new AppError('code-resend-too-soon');
    }
    throw new AppError('code-resend-limit-reached');
  });

  handle(app, routes.loginCode, async ({ body, request, reply }) => {
    const result = await finishPasswordLogin(services, {
      challengeToken: loginCodeCookie(request, config),
      code: body.code,
      clientAddress: request.ip,
      previousSessionToken: request.cookies[sessionCookieName(config)],
    });
    const log = (outcome: string) =>
      request.log.info({ login: { audience: 'citizen', method: 'password-sms', step: 'code', outcome } }, 'login');
    if (!result.ok) {
      log(result.problem);
      if (result.problem === 'throttled') throw throttled(reply, result.retryAfterSeconds);
      if (result.problem === 'code-expired') {
        clearLoginCodeCookie(reply, config);
        throw new AppError('code-expired');
      }
      throw new AppError('invalid-code', `${result.triesLeft} tries left`);
    }
    log('success');
    clearLoginCodeCookie(reply, config);
    setSessionCookie(reply, config, result.session.token);
    const now = services.clock();
    return {
      kind: 'citizen' as const,
      csrfToken: result.session.csrfToken,
      idleExpiresAt: now + config.session.idleMs,
      expiresAt: now + config.session.maxMs,
      unitHsaId: null,
      regionCode: null,
      roles: [],
      actingFor: null,
    };
  });
}
