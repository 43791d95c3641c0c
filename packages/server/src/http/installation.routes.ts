import { installationRoutes as routes } from '@kontakta/contract';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.ts';
import { handle } from './route-handler.ts';

/** Facts for the public pages the law expects; from the configuration, the same for everyone. */
export async function installationRoutes(app: FastifyInstance, { config }: { config: Config }) {
  handle(app, routes.facts, async () => ({
    ...config.publicPages,
    retentionMonths: config.retention.retentionMonths,
    accessLogKeepYears: config.accessLog.keepYears,
    sessionIdleMinutes: Math.round(config.session.idleMs / 60_000),
  }));
}
