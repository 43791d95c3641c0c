import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtpServer } from '../../testing/test-smtp-server.ts';
import type { Channel, RenderedMessage } from '../notification.types.ts';
import { createSmtpEmailChannel } from './smtp-email.channel.ts';

function mail(overrides: Partial<RenderedMessage> = {}): RenderedMessage {
  return {
    id: '0b6f3f5e-2f4a-4c55-9a70-3f2b1c0d9e11',
    channel: 'email',
    template: 'errand-answered',
    recipient: 'anna@example.se',
    language: 'sv',
    parameters: {},
    subject: 'Du har fått ett svar i Kontakta',
    text: 'Hej!\n\nDu har fått ett svar i Kontakta. Logga in för att läsa:\nhttps://kontakta.region.se/\n',
    ...overrides,
  };
}

describe('e-mail over SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let channel: Channel;

  beforeAll(async () => {
    smtp = await startTestSmtpServer({
      refuse: (address) =>
        address.startsWith('nobody@')
          ? { code: 550, text: `5.1.1 <${address}>: Recipient address rejected` }
          : address.startsWith('busy@')
            ? { code: 451, text: '4.3.0 try again later' }
            : null,
    });
    channel = createSmtpEmailChannel({
      smtpUrl: smtp.url,
      from: 'Kontakta <no-reply@kontakta.region.se>',
      messageIdDomain: 'kontakta.region.se',
    });
  });
  afterAll(async () => {
    await channel.close?.();
    await smtp.close();
  });

  it('delivers the text in UTF-8 with the outbox id as Message-ID, marked as automatic', async () => {
    const result = await channel.deliver(mail());
    expect(result).toMatchObject({ outcome: 'sent' });
    const received = smtp.received.at(-1);
    expect(received?.envelopeTo).toEqual(['anna@example.se']);
    expect(received?.subject).toBe('Du har fått ett svar i Kontakta');
    expect(received?.text.trim()).toBe(mail().text.trim());
    expect(received?.messageId).toBe('<0b6f3f5e-2f4a-4c55-9a70-3f2b1c0d9e11@kontakta.region.se>');
    expect(received?.header('Auto-Submitted')).toBe('auto-generated');
    expect(received?.header('From')).toContain('no-reply@kontakta.region.se');
  });

  it('reports a refused mailbox as a bounce, without the address in the reason', async () => {
    const result = await channel.deliver(mail({ recipient: 'nobody@example.se' }));
    expect(result.outcome).toBe('bounced');
    expect(result.outcome === 'bounced' && result.reason).toMatch(/^SMTP 550 at RCPT TO/);
    expect(JSON.stringify(result)).not.toContain('nobody@example.se');
  });

  it('retries a temporary refusal', async () => {
    const result = await channel.deliver(mail({ recipient: 'busy@example.se' }));
    expect(result).toMatchObject({ outcome: 'retry' });
  });

  it('retries when the mail server cannot be reached', async () => {
    const down = createSmtpEmailChannel({ smtpUrl: 'smtp://127.0.0.1:1', from: 'k@example.se', messageIdDomain: 'x' });
    const result = await down.deliver(mail());
    await down.close?.();
    expect(result.outcome).toBe('retry');
    expect(result.outcome === 'retry' && result.reason).toMatch(/ECONNECTION|ESOCKET|ECONNREFUSED/);
  });
});
