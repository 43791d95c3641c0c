import type { FastifyInstance } from 'fastify';

/**
 * A browser for in-process login tests (`app.inject`): its own client address (login throttles
 * count per address) and a cookie jar that keeps what the server sets and drops what it clears.
 */
export function injectedBrowser(app: FastifyInstance, remoteAddress: string) {
  const cookies: Record<string, string> = {};
  const post = async (url: string, payload?: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await app.inject({
      method: 'POST',
      url,
      cookies,
      headers,
      remoteAddress,
      ...(payload ? { payload } : {}),
    });
    for (const c of response.cookies as unknown as Array<{ name: string; value: string }>) {
      if (c.value) cookies[c.name] = c.value;
      else delete cookies[c.name];
    }
    return response;
  };
  return { post, cookies, get: (url: string) => app.inject({ url, cookies, remoteAddress }) };
}
