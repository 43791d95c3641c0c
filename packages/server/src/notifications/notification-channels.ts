import type { Kysely } from 'kysely';
import type { NotificationsConfig } from '../config/config.ts';
import type { DatabaseSchema } from '../storage/schema.ts';
import { createDevOutboxChannel, recordedInDevOutbox } from './dev/dev-outbox.channel.ts';
import { createSmtpEmailChannel } from './email/smtp-email.channel.ts';
import { createLetterChannel } from './letters/letter.channel.ts';
import { createPrintFolderService } from './letters/print-folder.adapter.ts';
import type { Channel, Channels } from './notification.types.ts';
import { createSmsGatewayChannel } from './sms/sms-gateway.channel.ts';

/**
 * The channels this installation delivers through. With the dev outbox on, e-mail and SMS stay in
 * the database; letters go to the (local) print outbox folder either way.
 */
export function createNotificationChannels(
  config: NotificationsConfig,
  options: { db: Kysely<DatabaseSchema>; publicUrl: string; clock?: () => number },
): Channels {
  const clock = options.clock ?? Date.now;
  const letter = createLetterChannel(createPrintFolderService(config.printOutboxDir));
  if (config.devOutbox) {
    const dev = createDevOutboxChannel(options.db, clock);
    return { email: dev, sms: dev, letter: recordedInDevOutbox(letter, options.db, clock) };
  }
  return {
    email: config.smtpUrl
      ? createSmtpEmailChannel({
          smtpUrl: config.smtpUrl,
          from: config.mailFrom,
          messageIdDomain: new URL(options.publicUrl).hostname,
        })
      : unconfigured('e-mail is not configured (KONTAKTA_SMTP_URL)'),
    sms: config.sms
      ? createSmsGatewayChannel({
          url: config.sms.gatewayUrl,
          username: config.sms.username,
          password: config.sms.password,
          sender: config.sms.sender,
        })
      : unconfigured('no SMS gateway is configured (KONTAKTA_SMS_GATEWAY_URL)'),
    letter,
  };
}

/** Fails every attempt with a reason an operator can act on; the messages wait to be retried. */
function unconfigured(reason: string): Channel {
  return { deliver: async () => ({ outcome: 'retry', reason }) };
}

export async function closeNotificationChannels(channels: Channels): Promise<void> {
  await Promise.all(Object.values(channels).map((channel) => channel.close?.()));
}
