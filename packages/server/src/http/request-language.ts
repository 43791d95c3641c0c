import type { FastifyRequest } from 'fastify';
import type { Language } from './problem.ts';

/** The caller's language: the web app's cookie first, then Accept-Language; Swedish by default. */
export function requestLanguage(request: FastifyRequest): Language {
  const cookie = request.cookies?.kontakta_lang;
  if (cookie === 'sv' || cookie === 'en') return cookie;
  const accept = request.headers['accept-language'];
  if (typeof accept === 'string' && /^\s*en\b/i.test(accept)) return 'en';
  return 'sv';
}
