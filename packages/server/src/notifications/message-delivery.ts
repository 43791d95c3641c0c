import type { Channels, Deliver, OutgoingMessage } from './notification.types.ts';
import { type LoginLinks, renderMessage } from './templates/render-message.ts';

/** Puts each message into words and hands it to its channel: the function the outbox worker calls. */
export function createDeliver(channels: Channels, links: LoginLinks): Deliver {
  return async (message: OutgoingMessage) => {
    const channel = Object.hasOwn(channels, message.channel) ? channels[message.channel] : undefined;
    if (!channel) return { outcome: 'undeliverable', reason: `no channel "${message.channel}"` };
    const rendered = renderMessage(message, links);
    if (!rendered.ok) return { outcome: 'undeliverable', reason: rendered.reason };
    return channel.deliver(rendered.message);
  };
}
