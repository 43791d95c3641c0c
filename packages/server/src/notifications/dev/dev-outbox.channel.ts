import type { Kysely } from 'kysely';
import { storeDevOutboxMessage } from '../../storage/repositories/dev-outbox.repository.ts';
import type { DatabaseSchema } from '../../storage/schema.ts';
import type { Channel, DeliveryResult, RenderedMessage } from '../notification.types.ts';

/**
 * The development transport: instead of leaving the machine, a message is stored (once per outbox
 * id, however often it is delivered) and shown at /dev/outbox.
 */
export function createDevOutboxChannel(db: Kysely<DatabaseSchema>, clock: () => number): Channel {
  return {
    async deliver(message: RenderedMessage): Promise<DeliveryResult> {
      await storeDevOutboxMessage(db, devRow(message, null, clock()));
      return { outcome: 'sent', reference: 'dev-outbox' };
    },
  };
}

/**
 * Lets another channel deliver (letters still go to the print outbox folder, which is local) and
 * records what it delivered in the development outbox, with the file it produced.
 */
export function recordedInDevOutbox(channel: Channel, db: Kysely<DatabaseSchema>, clock: () => number): Channel {
  return {
    async deliver(message: RenderedMessage): Promise<DeliveryResult> {
      const result = await channel.deliver(message);
      if (result.outcome === 'sent') await storeDevOutboxMessage(db, devRow(message, result.reference, clock()));
      return result;
    },
  };
}

function devRow(message: RenderedMessage, attachment: string | null, now: number) {
  return {
    id: message.id,
    channel: message.channel,
    template: message.template,
    recipient: message.recipient,
    subject: message.subject,
    text: message.text,
    attachment,
    stored_at: now,
  };
}
