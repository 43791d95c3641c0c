import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { FieldError, Problem } from '@kontakta/contract';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Config } from '../config/config.ts';
import type { KeyRing } from '../encryption/envelope.ts';
import { loadKeyRing } from '../encryption/master-keys.ts';
import { loggerOptions } from '../logging/logger.ts';
import { openRegisters, type Registers } from '../registers/index.ts';
import type { Database } from '../storage/database.ts';
import type { Services } from '../use-cases/services.ts';
import { registerErrorHandling } from './error-handler.ts';
import { healthRoutes } from './health.routes.ts';
import { registerInputSafety } from './input-safety.ts';
import { registerMetrics } from './metrics.ts';
import { sessionRoutes } from './session.routes.ts';
import { registerSessions } from './sessions.ts';
import { webAppRoutes } from './web-app.ts';

export type AppDependencies = {
  config: Config;
  database: Database;
  /** Where log lines go; standard output unless a test wants to read them. */
  logStream?: DestinationStream;
  /** Epoch milliseconds; tests move time forward to prove timeouts. */
  clock?: () => number;
  /** Master keys for errand content; loaded as configured when not given. */
  keys?: KeyRing;
  /** The population register and HSA catalogue; opened from the configured folder when not given. */
  registers?: Registers;
};

/** Builds the HTTP application: plugins, hooks and every route, without listening. */
export async function buildApp({
  config,
  database,
  logStream,
  clock = Date.now,
  keys,
  registers,
}: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { ...loggerOptions(config.logLevel), ...(logStream ? { stream: logStream } : {}) },
    // Node leaves these unlimited; without a proxy in front, a slow client could hold sockets forever.
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.requestTimeoutMs,
    bodyLimit: config.bodyLimitBytes,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  const keyRing = keys ?? loadKeyRing(config.masterKeys, (message) => app.log.warn(message));
  const registerAdapters = registers ?? (await openRegisters(config.registerDir));
  const services: Services = { config, database, keys: keyRing, registers: registerAdapters, clock };

  // The API speaks JSON only; Fastify's built-in text/plain parser would let text reach validation.
  app.removeContentTypeParser('text/plain');
  app.addSchema(FieldError);
  app.addSchema(Problem);
  registerErrorHandling(app);
  registerInputSafety(app);
  registerMetrics(app);

  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
    // Nothing is cached unless a route says so: most answers carry personal data.
    if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
  });

  await app.register(fastifyCookie);
  registerSessions(app, { config, database, clock });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: config.publicUrl.startsWith('https:')
      ? { maxAge: 31_536_000, includeSubDomains: true }
      : false,
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kontakta API',
        version: '0.1.0',
        description: 'Secure e-services between citizens and their care units. Errors are RFC 9457 problem+json.',
      },
      tags: [
        { name: 'operations', description: 'Health, readiness and metrics' },
        { name: 'session', description: 'The current login session' },
      ],
    },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  if (config.apiDocs) {
    // The documentation page is the one place with its own (hash-based) CSP for swagger-ui's bundle.
    await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  }

  await app.register(healthRoutes, { database });
  await app.register(sessionRoutes, { config, database });
  await app.register(webAppRoutes, { distDir: config.webDistDir });
  return app;
}
