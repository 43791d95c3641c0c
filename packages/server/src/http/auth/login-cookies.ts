import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/config.ts';

// Two short-lived cookies of the login itself, beside the session cookie: which e-ID flow this
// browser started, and which SMS code this browser may answer. HttpOnly, host-only, and Secure
// with the __Host- prefix over HTTPS.

const FLOW = 'kontakta_login_flow';
const CODE = 'kontakta_login_code';

function name(config: Config, base: string): string {
  return config.publicUrl.startsWith('https:') ? `__Host-${base}` : base;
}

function options(config: Config, maxAgeSeconds: number, sameSite: 'lax' | 'strict') {
  return { path: '/', httpOnly: true, secure: config.publicUrl.startsWith('https:'), sameSite, maxAge: maxAgeSeconds };
}

/** Lax, not Strict: the provider sends the browser back with a top-level GET from its own site. */
export function setLoginFlowCookie(reply: FastifyReply, config: Config, token: string, maxAgeSeconds: number): void {
  reply.setCookie(name(config, FLOW), token, options(config, maxAgeSeconds, 'lax'));
}

export function loginFlowCookie(request: FastifyRequest, config: Config): string | undefined {
  return request.cookies[name(config, FLOW)];
}

export function clearLoginFlowCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(name(config, FLOW), { path: '/' });
}

export function setLoginCodeCookie(reply: FastifyReply, config: Config, token: string, maxAgeSeconds: number): void {
  reply.setCookie(name(config, CODE), token, options(config, maxAgeSeconds, 'strict'));
}

export function loginCodeCookie(request: FastifyRequest, config: Config): string | undefined {
  return request.cookies[name(config, CODE)];
}

export function clearLoginCodeCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(name(config, CODE), { path: '/' });
}
