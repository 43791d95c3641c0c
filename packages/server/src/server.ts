import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config/config.ts';
import { buildApp } from './http/app.ts';
import { startNotificationDelivery } from './jobs/notification-delivery.ts';
import type { OutboxWorker } from './jobs/outbox-worker.ts';
import type { Registers } from './registers/index.ts';
import { type Database, openDatabase } from './storage/database.ts';
import { checkDurability } from './storage/durability.ts';
import { migrateToLatest } from './storage/migrator.ts';

export type RunningServer = {
  app: FastifyInstance;
  database: Database;
  url: string;
  /** The notification worker (null when KONTAKTA_OUTBOX_WORKER=false); tests may call runOnce. */
  outboxWorker: OutboxWorker | null;
  close(): Promise<void>;
};

export class DurabilityError extends Error {}

/**
 * Opens the database, refuses to run where confirmed writes could be lost, applies migrations,
 * and listens. `close` stops taking requests, lets running ones finish, then closes the database.
 */
export type StartOptions = {
  /** Runs after migrations, before the server takes requests (the demo seeds here). */
  beforeListen?: ((database: Database) => Promise<void>) | undefined;
  /** Register adapters to use instead of the configured ones (tests). */
  registers?: Registers | undefined;
};

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  // The server groups commits into shared fsyncs and answers only once they are durable.
  const database = openDatabase(config.database, { groupCommit: true });
  try {
    const durability = await checkDurability(database);
    if (!durability.durable && !config.allowUnsafeDurability) {
      throw new DurabilityError(
        `Kontakta refuses to start: the database could lose confirmed writes.\n${durability.problems
          .map((p) => `  - ${p}`)
          .join(
            '\n',
          )}\nFix the database settings, or set KONTAKTA_ALLOW_UNSAFE_DURABILITY=true for a throw-away test database.`,
      );
    }
    await migrateToLatest(database.db);
    await options.beforeListen?.(database);
  } catch (error) {
    await database.close();
    throw error;
  }

  const app = await buildApp({ config, database, ...(options.registers ? { registers: options.registers } : {}) });
  // Fastify hands these to Node's server.listen, which knows reusePort (Fastify's types do not yet).
  const listenOptions = { port: config.port, host: config.host, reusePort: config.reusePort };
  const address = await app.listen(listenOptions);
  const port = Number(new URL(address).port);
  const notifications = startNotificationDelivery(config, database, app.log.child({ component: 'outbox' }));
  let closing: Promise<void> | undefined;
  const close = () => {
    // Requests finish first (they may queue messages), then the worker's run, then the database.
    closing ??= app
      .close()
      .then(() => notifications.stop())
      .then(() => database.close());
    return closing;
  };
  return { app, database, url: `http://${config.host}:${port}`, outboxWorker: notifications.worker, close };
}

/** For the CLI: run until SIGINT/SIGTERM, then shut down within the configured grace time. */
export function closeOnSignals(server: RunningServer, graceMs: number): void {
  closeWithGrace({ delay: graceMs }, async ({ err, signal }) => {
    if (err) server.app.log.error({ err: { type: err.name, stack: err.stack } }, 'shutting down after an error');
    else server.app.log.info({ signal }, 'shutting down');
    await server.close();
  });
}
