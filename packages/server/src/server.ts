import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config/config.ts';
import { type DeletionKeys, openDeletionKeys } from './encryption/deletion-keys.ts';
import { type LiveKeyRing, liveKeyRing } from './encryption/live-key-ring.ts';
import { buildApp } from './http/app.ts';
import { listenForMetrics, type MetricsListener } from './http/metrics-listener.ts';
import { startNotificationDelivery } from './jobs/notification-delivery.ts';
import type { OutboxWorker } from './jobs/outbox-worker.ts';
import { scheduledJobs } from './jobs/scheduled-jobs.ts';
import { createScheduler, type Scheduler } from './jobs/scheduler/scheduler.ts';
import { startWalCheckpoints } from './jobs/wal-checkpoint.ts';
import { createMetrics, type Metrics } from './observability/prometheus-metrics.ts';
import type { Registers } from './registers/index.ts';
import { type Database, openDatabase } from './storage/database.ts';
import { checkDurability } from './storage/durability.ts';
import { migrateToLatest } from './storage/migrator.ts';
import { checkMasterKeys } from './use-cases/keys/master-key-use.ts';

export type RunningServer = {
  app: FastifyInstance;
  database: Database;
  url: string;
  /** The notification worker (null when KONTAKTA_OUTBOX_WORKER=false); tests may call runOnce. */
  outboxWorker: OutboxWorker | null;
  /** Scheduled jobs (null when KONTAKTA_SCHEDULED_JOBS=false); tests may call runDue or runJob. */
  scheduler: Scheduler | null;
  /** The process's metrics: `metrics.registry.metrics()` is the Prometheus text /metrics serves. */
  metrics: Metrics;
  /** Where /metrics is served when KONTAKTA_METRICS_ADDRESS is set (then not on `url`). */
  metricsUrl: string | null;
  /** The master keys in use; they follow the key file (see live-key-ring.ts). */
  keys: LiveKeyRing;
  /** Reads the key file again at once (the CLI calls it on SIGHUP). */
  reloadKeys(): void;
  close(): Promise<void>;
};

export class DurabilityError extends Error {}

/** The database references master keys that are not loaded: starting would answer 500s for that data. */
export class MissingMasterKeyError extends Error {}

/**
 * Opens the database, refuses to run where confirmed writes could be lost, applies migrations,
 * and listens. `close` stops taking requests, lets running ones finish, then closes the database.
 */
export type StartOptions = {
  /** Runs after migrations, before the server takes requests (the demo seeds here). */
  beforeListen?: ((database: Database) => Promise<void>) | undefined;
  /** Register adapters to use instead of the configured ones (tests). */
  registers?: Registers | undefined;
  /** The time, epoch ms, for requests and scheduled jobs; the system clock unless given (tests move it). */
  clock?: (() => number) | undefined;
};

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const metrics = createMetrics();
  // The server groups commits into shared fsyncs and answers only once they are durable.
  const database = openDatabase(config.database, {
    groupCommit: true,
    onGroupCommitSync: metrics.telemetry.groupCommitSynced,
    onStatement: metrics.telemetry.statementRun,
  });
  const keyWarnings: string[] = [];
  let keys: LiveKeyRing;
  let deletionKeys: DeletionKeys;
  try {
    keys = liveKeyRing(config.masterKeys, (message) => keyWarnings.push(message));
    deletionKeys = openDeletionKeys(config.deletionKeyFile);
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
    await database.openPool?.();
    const { missing, wrong } = await checkMasterKeys(database, keys, deletionKeys);
    if (missing.length > 0 || wrong.length > 0) throw new MissingMasterKeyError(masterKeyRefusal(missing, wrong));
  } catch (error) {
    await database.close();
    throw error;
  }

  const app = await buildApp({
    config,
    database,
    keys,
    deletionKeys,
    metrics,
    ...(options.registers ? { registers: options.registers } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  for (const warning of [...config.warnings, ...keyWarnings]) app.log.warn(warning);
  const reloadKeys = () => {
    try {
      const { changed, currentId } = keys.reload();
      app.log.info({ currentKeyId: currentId, changed }, 'master keys reloaded');
    } catch (error) {
      app.log.error(
        { err: { message: (error as Error).message } },
        'master keys not reloaded: keeping the ones loaded',
      );
    }
  };
  const stopWatchingKeys = keys.watch((error, currentId) => {
    if (error)
      app.log.error(
        { err: { message: error.message } },
        'master key file changed but is unusable: keeping the keys loaded',
      );
    else app.log.info({ currentKeyId: currentId }, 'master key file changed: keys reloaded');
  });
  // Fastify hands these to Node's server.listen, which knows reusePort (Fastify's types do not yet).
  const listenOptions = { port: config.port, host: config.host, reusePort: config.reusePort };
  const address = await app.listen(listenOptions);
  const port = Number(new URL(address).port);
  let metricsListener: MetricsListener | null = null;
  if (config.metricsAddress) {
    try {
      metricsListener = await listenForMetrics(metrics, config.metricsAddress);
    } catch (error) {
      await app.close();
      await database.close();
      throw new Error(`KONTAKTA_METRICS_ADDRESS: cannot listen there (${(error as Error).message})`);
    }
    app.log.info(`Metrics at ${metricsListener.url} (not on the public port)`);
  }
  const notifications = startNotificationDelivery(
    config,
    database,
    app.log.child({ component: 'outbox' }),
    metrics.telemetry,
  );
  const clock = options.clock;
  const scheduler = config.scheduledJobs
    ? createScheduler({
        database,
        jobs: scheduledJobs({
          config,
          registers: async () => app.registers,
          encryption: () => ({ keys, deletionKeys }),
        }),
        logger: app.log.child({ component: 'scheduler' }),
        telemetry: metrics.telemetry,
        ...(clock ? { clock: () => new Date(clock()) } : {}),
      })
    : null;
  scheduler?.start();
  let closing: Promise<void> | undefined;
  const walCheckpoints = startWalCheckpoints(database, app.log.child({ component: 'wal-checkpoint' }));
  const close = () => {
    // Requests finish first (they may queue messages), then the worker's run and a running job, then the database.
    stopWatchingKeys();
    walCheckpoints.stop();
    closing ??= app
      .close()
      .then(() => metricsListener?.close())
      .then(() => notifications.stop())
      .then(() => scheduler?.stop())
      .then(() => database.close());
    return closing;
  };
  return {
    app,
    database,
    url: `http://${config.host}:${port}`,
    outboxWorker: notifications.worker,
    scheduler,
    metrics,
    metricsUrl: metricsListener?.url ?? null,
    keys,
    reloadKeys,
    close,
  };
}

function masterKeyRefusal(missing: string[], wrong: string[]): string {
  const ids = (list: string[]) => list.map((id) => `"${id}"`).join(', ');
  return [
    'Kontakta refuses to start: it could not read data in the database.',
    ...(missing.length > 0 ? [`  - data is wrapped with master key(s) ${ids(missing)}, which are not loaded`] : []),
    ...(wrong.length > 0
      ? [`  - the loaded master key(s) ${ids(wrong)} do not open the data wrapped under that id`]
      : []),
    'Restore the right keys into the key file (KONTAKTA_MASTER_KEY_FILE) or KONTAKTA_MASTER_KEY from your key backup.',
  ].join('\n');
}

/** For the CLI: run until SIGINT/SIGTERM, then shut down within the configured grace time. */
export function closeOnSignals(server: RunningServer, graceMs: number): void {
  // SIGHUP is not a shutdown here: it reloads the master key file (see serve.command.ts).
  closeWithGrace({ delay: graceMs, skip: ['SIGHUP'] }, async ({ err, signal }) => {
    if (err) server.app.log.error({ err: { type: err.name, stack: err.stack } }, 'shutting down after an error');
    else server.app.log.info({ signal }, 'shutting down');
    await server.close();
  });
}
