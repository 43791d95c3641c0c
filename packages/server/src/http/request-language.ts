import { isLanguage, type Language } from '@kontakta/domain';
import type { FastifyRequest } from 'fastify';

/** The caller's language: the web app's cookie first, then Accept-Language; Swedish by default. */
export function requestLanguage(request: FastifyRequest): Language {
  const cookie = request.cookies?.kontakta_lang;
  if (isLanguage(cookie)) return cookie;
  const accept = request.headers['accept-language'];
  if (typeof accept === 'string' && /^\s*en\b/i.test(accept)) return 'en';
  return 'sv';
}
