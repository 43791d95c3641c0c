// The development outbox: every e-mail and SMS the server would have sent, as JSON.

export type OutboxMessage = Readonly<{
  id: string;
  channel: 'email' | 'sms' | 'letter';
  template: string;
  to: string;
  subject?: string;
  text: string;
  createdAt: string;
  status: string;
}>;

export async function outboxMessages(baseUrl: string): Promise<OutboxMessage[]> {
  const response = await fetch(`${baseUrl}/dev/outbox.json`);
  if (!response.ok) throw new Error(`/dev/outbox.json answered ${response.status}`);
  return ((await response.json()) as { messages: OutboxMessage[] }).messages;
}

/** Waits until the outbox worker has delivered a message that matches (it polls every second). */
export async function waitForOutboxMessage(
  baseUrl: string,
  matches: (message: OutboxMessage) => boolean,
  timeoutMs = 15_000,
): Promise<OutboxMessage> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = (await outboxMessages(baseUrl)).find(matches);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('no such message in the development outbox');
}
