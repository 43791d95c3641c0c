import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { DestinationStream } from 'pino';
import type { Config } from '../config/config.ts';
import { type DeletionKeys, openDeletionKeys } from '../encryption/deletion-keys.ts';
import type { KeyRing } from '../encryption/envelope.ts';
import { loadKeyRing } from '../encryption/master-keys.ts';
import { loggerOptions } from '../logging/logger.ts';
import { createMetrics, type Metrics } from '../observability/prometheus-metrics.ts';
import { serviceProvider } from '../openid-provider/service-provider.plugin.ts';
import { openRegisters, type Registers } from '../registers/index.ts';
import type { Database } from '../storage/database.ts';
import type { Services } from '../use-cases/services.ts';
import { createAuthorityCheck } from '../use-cases/sessions/confirm-authority.ts';
import { adminErrandTypeRoutes } from './admin/admin-errand-types.routes.ts';
import { adminUnitRoutes } from './admin/admin-unit.routes.ts';
import {
  regionServiceAdministrationRoutes,
  unitServiceAdministrationRoutes,
} from './admin/connected-services.routes.ts';
import { regionAdministrationRoutes } from './admin/region-admin.routes.ts';
import { statisticsRoutes } from './admin/statistics.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { citizenCalendarRoutes } from './citizen/citizen-calendar.routes.ts';
import { citizenErrandRoutes } from './citizen/citizen-errands.routes.ts';
import { citizenMessageRoutes } from './citizen/citizen-messages.routes.ts';
import { citizenProfileRoutes } from './citizen/citizen-profile.routes.ts';
import { citizenProxyRoutes } from './citizen/citizen-proxies.routes.ts';
import { citizenSettingsRoutes } from './citizen/citizen-settings.routes.ts';
import { citizenUnitRoutes } from './citizen/citizen-units.routes.ts';
import { contactCardRoutes } from './citizen/contact-card.routes.ts';
import { citizenHandOverRoutes } from './citizen/hand-over.routes.ts';
import { devOutboxRoutes } from './dev/dev-outbox.routes.ts';
import { registerErrorHandling } from './error-handler.ts';
import { healthRoutes } from './health.routes.ts';
import { registerInputSafety } from './input-safety.ts';
import { installationRoutes } from './installation.routes.ts';
import { registerMetrics } from './metrics.ts';
import { NAMED_SCHEMAS, referenceNamedSchemas } from './openapi-components.ts';
import { registerOverloadShedding } from './overload.ts';
import { sessionRoutes } from './session.routes.ts';
import { registerSessions, sessionCookieName } from './sessions.ts';
import { registerRefusedErrandEvents } from './staff/refused-errand-events.ts';
import { staffErrandRoutes } from './staff/staff-errands.routes.ts';
import { staffFhirRoutes } from './staff/staff-fhir.routes.ts';
import { staffProfileRoutes } from './staff/staff-profile.routes.ts';
import { registerValidation } from './validation.ts';
import { webAppRoutes } from './web-app.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The population register and HSA catalogue this app uses. */
    registers: Registers;
  }
}

export type AppDependencies = {
  config: Config;
  database: Database;
  /** Where log lines go; standard output unless a test wants to read them. */
  logStream?: DestinationStream;
  /** Epoch milliseconds; tests move time forward to prove timeouts. */
  clock?: () => number;
  /** Master keys for errand content; loaded as configured when not given. */
  keys?: KeyRing;
  /** The monthly deletion keys; opened from `config.deletionKeyFile` when not given. */
  deletionKeys?: DeletionKeys;
  /** The population register and HSA catalogue; opened from the configured folder when not given. */
  registers?: Registers;
  /**
   * Where the app counts (its /metrics serves this registry). The server creates it first, to hand
   * the same one to the database, the outbox worker and any metrics listener; a new one otherwise.
   */
  metrics?: Metrics;
};

/** Builds the HTTP application: plugins, hooks and every route, without listening. */
export async function buildApp({
  config,
  database,
  logStream,
  clock = Date.now,
  keys,
  deletionKeys,
  registers,
  metrics = createMetrics(),
}: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { ...loggerOptions(config.logLevel), ...(logStream ? { stream: logStream } : {}) },
    // Node leaves these unlimited; without a proxy in front, a slow client could hold sockets forever.
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.requestTimeoutMs,
    // Node checks the request timeout only every 30 s by default, and not at all while the headers'
    // own timeout (60 s) is longer: a body trickled a byte at a time got its 408 after 71 s.
    http: {
      connectionsCheckingInterval: Math.min(1000, config.requestTimeoutMs),
      headersTimeout: Math.min(60_000, config.requestTimeoutMs),
    },
    bodyLimit: config.bodyLimitBytes,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Behind a reverse proxy, request.ip must be the client's: login limits count per address.
    trustProxy: config.trustProxy,
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Said first, so that nobody mistakes a demo for a service people can use.
  if (config.demo) {
    app.log.warn(
      'DEMO MODE: anyone can log in as a test person, /dev/outbox shows login codes, the master key is generated. Never on a server people use.',
    );
  }
  const keyRing = keys ?? loadKeyRing(config.masterKeys, (message) => app.log.warn(message));
  const registerAdapters = registers ?? (await openConfiguredRegisters(app, config.registerDir));
  // Scheduled jobs in the same process use the same registers (server.ts).
  app.decorate('registers', registerAdapters);
  const services: Services = {
    config,
    database,
    keys: keyRing,
    deletionKeys: deletionKeys ?? openDeletionKeys(config.deletionKeyFile),
    registers: registerAdapters,
    clock,
    telemetry: metrics.telemetry,
  };

  // The API speaks JSON only; Fastify's built-in text/plain parser would let text reach validation.
  app.removeContentTypeParser('text/plain');
  for (const schema of Object.values(NAMED_SCHEMAS)) app.addSchema(schema);
  registerValidation(app);
  registerErrorHandling(app);
  registerInputSafety(app);
  registerOverloadShedding(app, config.overload);
  registerMetrics(app, { metrics, database, clock, serveRoute: config.metricsAddress === null });

  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
    // Nothing is cached unless a route says so: most answers carry personal data.
    if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
  });

  // Nothing is confirmed before it is durable: with group commit, every response waits for the
  // fsync covering the commits made until now (its own included), sharing it with the others.
  app.addHook('onSend', (_request, _reply, payload, done) => {
    const durable = database.whenDurable();
    if (!durable) return done(null, payload);
    durable.then(
      () => done(null, payload),
      (error: unknown) => done(error as Error),
    );
  });

  await app.register(fastifyCookie);
  registerSessions(app, { config, database, clock, authority: createAuthorityCheck(registerAdapters, config.proxy) });
  // The security headers are the same for every response, so the middleware is built once
  // (@fastify/helmet rebuilds it, CSP parsing included, on every request).
  const securityHeaders = helmet({
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
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  );

  await app.register(fastifySwagger, {
    // Shared schemas (app.addSchema) keep their `$id` as their name: `#/components/schemas/Problem`.
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
    },
    transformObject: (document) =>
      'openapiObject' in document ? referenceNamedSchemas(document.openapiObject) : document.swaggerObject,
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kontakta API',
        version: '0.1.0',
        description: 'Secure e-services between citizens and their care units. Errors are RFC 9457 problem+json.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: sessionCookieName(config),
            description: 'The session cookie set at login.',
          },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: 'X-CSRF-Token',
            description: 'The session’s CSRF token from GET /api/session, on every change.',
          },
        },
      },
      tags: [
        { name: 'operations', description: 'Health, readiness and metrics' },
        { name: 'session', description: 'The current login session' },
        { name: 'login', description: 'e-ID (OpenID Connect), password + SMS code, staff units' },
        { name: 'citizen', description: 'The citizen e-services: units, forms, errands, the access log' },
        { name: 'staff', description: 'The staff tool: inbox, routing, answers' },
        {
          name: 'admin',
          description: "Unit administration: errand types, forms, settings, links (the unit's administrators)",
        },
        {
          name: 'region',
          description: "Regional administration: the region's units and base offering (its regional administrators)",
        },
      ],
    },
  });
  // The API description maps the whole attack surface: public only when an operator says so.
  if (config.apiDocs) {
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    // The documentation page is the one place with its own (hash-based) CSP for swagger-ui's bundle.
    await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  }

  await app.register(healthRoutes, { database });
  await app.register(installationRoutes, { config });
  await app.register(sessionRoutes, { services });
  await app.register(authRoutes, { services });
  // The development e-ID provider, in demo mode only (see config: KONTAKTA_OIDC_ISSUER).
  // Loaded only where it runs: oidc-provider alone is ~45 MB of a process's memory.
  if (config.identity.devIdp) {
    const { devIdpPlugin } = await import('../dev-idp/dev-idp.plugin.ts');
    await app.register(devIdpPlugin, { config, registers: registerAdapters });
    // The example connected service (demo data), a relying party of Kontakta's own provider.
    const { devServicePlugin } = await import('../dev-service/dev-service.plugin.ts');
    await app.register(devServicePlugin, { config });
  }
  await app.register(citizenUnitRoutes, { services });
  await app.register(citizenErrandRoutes, { services });
  await app.register(citizenSettingsRoutes, { services });
  registerRefusedErrandEvents(app, services);
  await app.register(staffErrandRoutes, { services });
  await app.register(citizenProfileRoutes, { services });
  await app.register(citizenCalendarRoutes, { services });
  await app.register(citizenProxyRoutes, { services });
  await app.register(citizenMessageRoutes, { services });
  await app.register(staffProfileRoutes, { services });
  await app.register(contactCardRoutes, { services });
  await app.register(adminErrandTypeRoutes, { services });
  await app.register(adminUnitRoutes, { services });
  await app.register(regionAdministrationRoutes, { services });
  await app.register(statisticsRoutes, { services });
  await app.register(regionServiceAdministrationRoutes, { services });
  await app.register(unitServiceAdministrationRoutes, { services });
  // Kontakta as OpenID Provider for connected services, at /oidc; built on its first use.
  const connectedServices = serviceProvider(services, app.log);
  await app.register(connectedServices.plugin);
  await app.register(citizenHandOverRoutes, { services, interactions: connectedServices.interactions });
  await app.register(staffFhirRoutes, { services });
  if (config.notifications.devOutbox) {
    await app.register(devOutboxRoutes, { database, printOutboxDir: config.notifications.printOutboxDir });
  }
  await app.register(webAppRoutes, { distDir: config.webDistDir });
  return app;
}

/** The configured registers, following their files for as long as the app runs. */
async function openConfiguredRegisters(app: FastifyInstance, registerDir: string): Promise<Registers> {
  const registers = await openRegisters(registerDir, (error) => {
    if (error)
      app.log.error(
        { err: { message: error.message } },
        'register files changed but are invalid: kept the previous content',
      );
    else app.log.info('register files changed: reloaded');
  });
  app.addHook('onClose', async () => registers.close());
  return registers;
}
