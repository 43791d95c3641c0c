import { scrubRemoteText } from '../masking.ts';
import type { Channel, DeliveryResult, RenderedMessage } from '../notification.types.ts';

export type SmsGatewayOptions = {
  /** e.g. `https://api.46elks.com/a1/sms` */
  url: string;
  username: string;
  password: string;
  /** Alphanumeric sender id (up to 11 characters) or an E.164 number. */
  sender: string;
  timeoutMs?: number;
};

/**
 * SMS through an HTTP gateway in the shape of the common Swedish ones (46elks and alike): a form
 * POST with `from`, `to` and `message`, HTTP Basic authentication, a 2xx answer on success.
 * The outbox id goes along as `Idempotency-Key` for gateways that honour one.
 *
 * Answers are sorted by whose problem they are: 400/404/410/422 mean the gateway refused this
 * request, and since everything else in it is ours and constant, that is the number (bounced);
 * 401/403 (our credentials or account), 408/429 and 5xx may pass later (retry).
 */
export function createSmsGatewayChannel(options: SmsGatewayOptions, fetchImpl: typeof fetch = fetch): Channel {
  const authorization = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;
  return {
    async deliver(message: RenderedMessage): Promise<DeliveryResult> {
      const to = toE164(message.recipient);
      if (!to) return { outcome: 'bounced', reason: 'not a mobile number in E.164 form' };
      let response: Response;
      try {
        response = await fetchImpl(options.url, {
          method: 'POST',
          headers: {
            authorization,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
            'idempotency-key': message.id,
          },
          body: new URLSearchParams({ from: options.sender, to, message: message.text }).toString(),
          signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
          redirect: 'error',
        });
      } catch (error) {
        const name = error instanceof Error ? error.name : 'error';
        return { outcome: 'retry', reason: `SMS gateway unreachable (${name})` };
      }
      const secrets = [message.recipient, message.text, String(message.parameters.code ?? '')];
      const body = scrubRemoteText(await response.text().catch(() => ''), to, secrets);
      if (response.ok) return { outcome: 'sent', reference: referenceFrom(body) };
      const said = body ? `: ${body}` : '';
      if ([400, 404, 410, 422].includes(response.status)) {
        return { outcome: 'bounced', reason: `SMS gateway refused the number (HTTP ${response.status})${said}` };
      }
      return { outcome: 'retry', reason: `SMS gateway answered HTTP ${response.status}${said}` };
    },
  };
}

/** `+46701234567` stays; the Swedish national form `070-123 45 67` becomes `+46701234567`. */
export function toE164(recipient: string): string | null {
  const compact = recipient.replace(/[\s-]/g, '');
  if (/^\+[1-9]\d{6,14}$/.test(compact)) return compact;
  if (/^0[1-9]\d{6,11}$/.test(compact)) return `+46${compact.slice(1)}`;
  return null;
}

/** The gateway's id for the message when it answers JSON with one (46elks: `{ "id": "s…" }`). */
function referenceFrom(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && 'id' in parsed && typeof parsed.id === 'string') return parsed.id;
  } catch {
    // Not JSON: some gateways answer plain text.
  }
  return null;
}
