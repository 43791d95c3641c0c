import type { Config } from '../config/config.ts';
import { createDeliver } from '../notifications/message-delivery.ts';
import { closeNotificationChannels, createNotificationChannels } from '../notifications/notification-channels.ts';
import { loginLinks } from '../notifications/templates/render-message.ts';
import type { Telemetry } from '../observability/telemetry.ts';
import type { Database } from '../storage/database.ts';
import { createOutboxWorker, type OutboxWorker, type WorkerLogger } from './outbox-worker.ts';

export type NotificationDelivery = {
  /** Null when KONTAKTA_OUTBOX_WORKER=false: another process delivers. */
  worker: OutboxWorker | null;
  stop(): Promise<void>;
};

/** Wires the configured channels to an outbox worker and starts it (unless turned off). */
export function startNotificationDelivery(
  config: Config,
  database: Database,
  logger: WorkerLogger,
  telemetry?: Telemetry,
): NotificationDelivery {
  warnAboutSetup(config, logger);
  if (!config.outboxWorker.enabled) return { worker: null, stop: async () => {} };
  const channels = createNotificationChannels(config.notifications, { db: database.db, publicUrl: config.publicUrl });
  const worker = createOutboxWorker({
    db: database.db,
    deliver: createDeliver(channels, loginLinks(config.publicUrl, config.notifications.linksForCitizens)),
    logger,
    maxAttempts: config.outboxWorker.maxAttempts,
    pollMs: config.outboxWorker.pollMs,
    ...(telemetry ? { telemetry } : {}),
  });
  worker.start();
  return {
    worker,
    async stop() {
      await worker.stop();
      await closeNotificationChannels(channels);
    },
  };
}

function warnAboutSetup(config: Config, logger: WorkerLogger): void {
  const { notifications } = config;
  if (notifications.devOutbox) {
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(new URL(config.publicUrl).hostname);
    logger.warn(
      { devOutbox: `${config.publicUrl}/dev/outbox` },
      local
        ? 'development outbox: no e-mail, SMS or letter leaves this machine'
        : 'development outbox on a non-local address: login codes are readable at /dev/outbox; set KONTAKTA_DEV_OUTBOX=false',
    );
  } else if (!notifications.sms) {
    logger.warn('no SMS gateway configured (KONTAKTA_SMS_GATEWAY_URL): SMS, login codes too, will not be sent');
  }
}
