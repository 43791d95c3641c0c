import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built web app at `/`. Hashed assets are cached for a year; index.html never, so a
 * new release reaches users at once. Unknown paths that ask for HTML get index.html (the app
 * routes in the browser); API paths keep their problem+json 404.
 */
export async function webAppRoutes(app: FastifyInstance, { distDir }: { distDir: string }) {
  const indexFile = path.join(distDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    app.log.warn({ distDir }, 'web app not built; run `npm run build:web` (npm start does it)');
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('Kontakta: the web app is not built. Run `npm run build:web`, or start with `npm start`.'),
    );
    return;
  }

  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/',
    index: false,
    wildcard: false,
    setHeaders(reply, filePath) {
      const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
      const page = filePath.endsWith('index.html');
      reply.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : page ? 'no-store' : 'no-cache');
    },
  });

  const sendIndex = (reply: import('fastify').FastifyReply) =>
    reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8').sendFile('index.html');

  app.get('/', { schema: { hide: true } }, async (_request, reply) => sendIndex(reply));
  // Client-side routes (/inkorg, /personal/…) are deep links into the same page.
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const wantsHtml = String(request.headers.accept ?? '').includes('text/html');
    const isApi = request.url.startsWith('/api/');
    if (!wantsHtml || isApi || path.extname(request.url.split('?')[0] ?? '') !== '') {
      return reply.callNotFound();
    }
    return sendIndex(reply);
  });
}
