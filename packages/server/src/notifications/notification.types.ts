import type { Language } from '@kontakta/domain';
import type { OutboxChannel } from '../storage/schema.ts';

/** An outbox row as the channels see it: parameters parsed, nothing else. */
export type OutgoingMessage = {
  id: string;
  channel: OutboxChannel;
  template: string;
  recipient: string;
  language: Language;
  parameters: Readonly<Record<string, unknown>>;
};

/** What leaves Kontakta: the template's words, nothing from the errand. */
export type RenderedMessage = OutgoingMessage & {
  /** E-mail only. */
  subject: string | null;
  /** The whole text of an e-mail or SMS; for a letter, a description of it (the PDF is the letter). */
  text: string;
};

/**
 * How one attempt went. `reason` is for operators and must not carry the recipient or content:
 * channels build it from status codes and scrub what the other side said (see masking.ts).
 */
export type DeliveryResult =
  | { outcome: 'sent'; reference: string | null }
  /** Temporary (network, server busy, our credentials): try again later. */
  | { outcome: 'retry'; reason: string }
  /** The receiving side refused the recipient (wrong number, no such mailbox): retrying will not help. */
  | { outcome: 'bounced'; reason: string }
  /** The message can never be sent as queued (unknown template, missing letter file). */
  | { outcome: 'undeliverable'; reason: string };

/** One way out of Kontakta: SMTP, an SMS gateway, a print service, or the development outbox. */
export type Channel = {
  deliver(message: RenderedMessage): Promise<DeliveryResult>;
  close?(): Promise<void>;
};

export type Channels = Readonly<Record<OutboxChannel, Channel>>;

/** Delivers one message through the right channel; what the outbox worker calls. */
export type Deliver = (message: OutgoingMessage) => Promise<DeliveryResult>;
