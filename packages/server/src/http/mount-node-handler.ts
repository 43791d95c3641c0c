import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * Mounts a plain Node request handler (an oidc-provider's `callback()`) under `prefix` in Kontakta's
 * own server: in a scope of its own with the body left unread, the path made relative to the
 * mount point (`originalUrl` keeps the whole one), as oidc-provider expects when mounted. The
 * handler is asked for on the first request, so what it costs to build is paid only when used.
 * Its answers bypass Fastify's hooks, so `headers` (strict ones) are set on every answer here.
 */
export async function mountNodeHandler(
  app: FastifyInstance,
  options: Readonly<{
    prefix: string;
    headers: Readonly<Record<string, string>>;
    handler: () => NodeHandler | Promise<NodeHandler>;
    /** Adjusts the raw request before the handler sees it. */
    prepare?: (raw: IncomingMessage) => void;
  }>,
): Promise<void> {
  let handler: Promise<NodeHandler> | undefined;
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    scope.route({
      method: ['GET', 'POST'],
      url: `${options.prefix}/*`,
      schema: { hide: true },
      handler: async (request, reply) => {
        handler ??= Promise.resolve(options.handler());
        handler.catch(() => {
          handler = undefined;
        });
        const run = await handler;
        reply.hijack();
        const raw = request.raw as IncomingMessage & { originalUrl?: string };
        raw.originalUrl = raw.url;
        raw.url = (raw.url ?? '/').slice(options.prefix.length) || '/';
        options.prepare?.(raw);
        for (const [name, value] of Object.entries(options.headers)) reply.raw.setHeader(name, value);
        await run(raw, reply.raw);
      },
    });
  });
}
