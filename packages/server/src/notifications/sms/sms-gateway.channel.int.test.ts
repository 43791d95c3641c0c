import { afterEach, describe, expect, it } from 'vitest';
import { startTestSmsGateway } from '../../testing/test-sms-gateway.ts';
import type { RenderedMessage } from '../notification.types.ts';
import { createSmsGatewayChannel, toE164 } from './sms-gateway.channel.ts';

const CODE_TEXT = 'Din inloggningskod till Kontakta är 483920. Den gäller i 5 minuter.';

function sms(overrides: Partial<RenderedMessage> = {}): RenderedMessage {
  return {
    id: 'a3c5e7f9-0000-4000-8000-000000000001',
    channel: 'sms',
    template: 'login-code',
    recipient: '+46701234567',
    language: 'sv',
    parameters: { code: '483920' },
    subject: null,
    text: CODE_TEXT,
    ...overrides,
  };
}

const gateways: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const gateway of gateways.splice(0)) await gateway.close();
});

async function gateway(answer?: Parameters<typeof startTestSmsGateway>[0]) {
  const started = await startTestSmsGateway(answer);
  gateways.push(started);
  const channel = createSmsGatewayChannel({
    url: started.url,
    username: 'u123',
    password: 'secret',
    sender: 'Kontakta',
  });
  return { ...started, channel };
}

describe('SMS through an HTTP gateway', () => {
  it('posts from, to and message as a form with Basic auth and the outbox id as idempotency key', async () => {
    const { channel, requests } = await gateway();
    const result = await channel.deliver(sms());
    expect(result).toEqual({ outcome: 'sent', reference: 's1' });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: '/a1/sms',
      authorization: `Basic ${Buffer.from('u123:secret').toString('base64')}`,
      idempotencyKey: 'a3c5e7f9-0000-4000-8000-000000000001',
      contentType: 'application/x-www-form-urlencoded',
      form: { from: 'Kontakta', to: '+46701234567', message: CODE_TEXT },
    });
  });

  it('records a refused number as a bounce, without the number or the code in the reason', async () => {
    const { channel } = await gateway((request) => ({
      status: 400,
      body: `Invalid to number ${request.form.to} for message "${request.form.message}"`,
    }));
    const result = await channel.deliver(sms());
    expect(result.outcome).toBe('bounced');
    expect(result.outcome === 'bounced' && result.reason).toMatch(/refused the number \(HTTP 400\)/);
    expect(JSON.stringify(result)).not.toMatch(/46701234567|483920/);
  });

  it('retries on 5xx, rate limits and our own credentials being refused', async () => {
    for (const status of [500, 503, 429, 401, 403]) {
      const { channel } = await gateway(() => ({ status, body: 'nope' }));
      expect(await channel.deliver(sms())).toEqual({
        outcome: 'retry',
        reason: `SMS gateway answered HTTP ${status}: nope`,
      });
    }
  });

  it('retries when the gateway cannot be reached', async () => {
    const channel = createSmsGatewayChannel({
      url: 'http://127.0.0.1:1/sms',
      username: 'u',
      password: 'p',
      sender: 'K',
    });
    expect(await channel.deliver(sms())).toMatchObject({ outcome: 'retry' });
  });

  it('bounces a recipient that is not a phone number without asking the gateway', async () => {
    const { channel, requests } = await gateway();
    expect(await channel.deliver(sms({ recipient: 'anna@example.se' }))).toMatchObject({ outcome: 'bounced' });
    expect(requests).toHaveLength(0);
  });

  it('writes Swedish national numbers in E.164', () => {
    expect(toE164('070-123 45 67')).toBe('+46701234567');
    expect(toE164('+46701234567')).toBe('+46701234567');
    expect(toE164('12')).toBeNull();
  });
});
