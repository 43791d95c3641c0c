import type { Actor, CitizenActor, StaffActor } from '@kontakta/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/config.ts';
import type { Database } from '../storage/database.ts';
import { endProxyThatNoLongerHolds } from '../use-cases/proxies/end-proxies.ts';
import type { AuthorityCheck } from '../use-cases/sessions/confirm-authority.ts';
import { endSession } from '../use-cases/sessions/end-session.ts';
import { type ResolvedSession, resolveSession } from '../use-cases/sessions/resolve-session.ts';
import { AppError } from './problem.ts';

declare module 'fastify' {
  interface FastifyRequest {
    session: ResolvedSession | undefined;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function sessionCookieName(config: Config): string {
  // __Host- pins the cookie to this host and path / and demands Secure: only possible over HTTPS.
  return config.publicUrl.startsWith('https:') ? '__Host-kontakta_session' : 'kontakta_session';
}

function sessionCookieOptions(config: Config) {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: config.publicUrl.startsWith('https:') } as const;
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(sessionCookieName(config), token, sessionCookieOptions(config));
}

/** The clearing cookie carries the same attributes: a browser ignores a __Host- cookie without Secure. */
export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(sessionCookieName(config), sessionCookieOptions(config));
}

/**
 * Resolves the session cookie on every request and guards state changes against cross-site
 * requests: the Origin (when sent) must be ours, and a logged-in caller must echo the session's
 * CSRF token in `X-CSRF-Token`.
 */
export function registerSessions(
  app: FastifyInstance,
  {
    config,
    database,
    clock,
    authority,
  }: { config: Config; database: Database; clock: () => number; authority: AuthorityCheck },
): void {
  const ownOrigin = new URL(config.publicUrl).origin;
  app.decorateRequest('session', undefined);
  app.addHook('onRequest', async (request) => {
    // Only the API needs to know who is asking; static files are the same for everyone.
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[sessionCookieName(config)];
    request.session = token ? await resolveSession(database, config.session, clock(), token) : undefined;
    if (request.session && token) {
      // Authority follows the registers now, not as they were at login.
      const now = clock();
      const allowed = await authority(request.session.actor, now);
      if (!allowed) {
        await endSession(database, token);
        request.session = undefined;
      } else {
        const acting = request.session.actor;
        // The guardian stays logged in as themselves; the proxy that no longer holds ends for good.
        if (allowed.proxyRefusal && acting.kind === 'citizen' && acting.actingForCitizenId) {
          await endProxyThatNoLongerHolds(database, acting, allowed.proxyRefusal, now);
        }
        request.session = { ...request.session, actor: allowed.actor };
      }
    }
    if (!UNSAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== ownOrigin) throw new AppError('csrf-check-failed');
    if (request.headers['sec-fetch-site'] === 'cross-site') throw new AppError('csrf-check-failed');
    if (request.session && request.headers['x-csrf-token'] !== request.session.csrfToken) {
      throw new AppError('csrf-check-failed');
    }
  });
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.session) throw new AppError('not-authenticated');
  return request.session.actor;
}

export function requireCitizen(request: FastifyRequest): CitizenActor {
  const actor = requireActor(request);
  // A staff session asking for citizen data sees nothing there.
  if (actor.kind !== 'citizen') throw new AppError('not-found');
  return actor;
}

export function requireStaff(request: FastifyRequest): StaffActor {
  const actor = requireActor(request);
  if (actor.kind !== 'staff') throw new AppError('not-found');
  return actor;
}

/** The session behind an actor a guard has let through (a guard throws 401 when there is none). */
export function currentSession(request: FastifyRequest): ResolvedSession {
  if (!request.session) throw new AppError('not-authenticated');
  return request.session;
}
