import type { Transporter } from 'nodemailer';
import { scrubRemoteText } from '../masking.ts';
import type { Channel, DeliveryResult, RenderedMessage } from '../notification.types.ts';

export type SmtpEmailOptions = {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`. */
  smtpUrl: string;
  /** `Kontakta <no-reply@region.se>` */
  from: string;
  /** The right-hand side of Message-IDs, e.g. the public host name. */
  messageIdDomain: string;
};

type SmtpError = Error & { code?: string; responseCode?: number; command?: string; response?: string };

/**
 * E-mail over SMTP (nodemailer, pooled connections). The outbox id is the Message-ID, so a message
 * sent twice after a crash is one message to the receiving mail system and the reader's client.
 * nodemailer is loaded with the first message: a process that sends no mail (a web process when
 * the outbox worker runs elsewhere) does not carry its 20-odd MB.
 */
export function createSmtpEmailChannel(options: SmtpEmailOptions): Channel {
  let transporter: Promise<Transporter> | undefined;
  const connect = async (): Promise<Transporter> => {
    const { default: nodemailer } = await import('nodemailer');
    return nodemailer.createTransport({
      pool: true,
      url: options.smtpUrl,
      maxConnections: 5,
      // Without bounds, a silent server would hold a worker's lease until it ran out.
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
  };
  return {
    async deliver(message: RenderedMessage): Promise<DeliveryResult> {
      try {
        transporter ??= connect();
        const info = await (await transporter).sendMail({
          from: options.from,
          to: message.recipient,
          subject: message.subject ?? 'Kontakta',
          text: message.text,
          messageId: emailMessageId(message.id, options.messageIdDomain),
          headers: {
            'Auto-Submitted': 'auto-generated',
            'X-Auto-Response-Suppress': 'All',
            'Content-Language': message.language,
          },
        });
        return { outcome: 'sent', reference: scrubRemoteText(String(info.response ?? ''), message.recipient) || null };
      } catch (error) {
        return classifySmtpError(error as SmtpError, message.recipient);
      }
    },
    async close() {
      (await transporter)?.close();
    },
  };
}

export function emailMessageId(outboxId: string, domain: string): string {
  return `<${outboxId}@${domain}>`;
}

/** A permanent refusal of the recipient is a bounce; everything else may work later. */
function classifySmtpError(error: SmtpError, recipient: string): DeliveryResult {
  const said = error.response ? `: ${scrubRemoteText(error.response, recipient)}` : '';
  if (error.command === 'RCPT TO' && (error.responseCode ?? 0) >= 500) {
    return { outcome: 'bounced', reason: `SMTP ${error.responseCode} at RCPT TO${said}` };
  }
  if (error.code === 'EENVELOPE' && error.command === 'API') {
    return { outcome: 'bounced', reason: 'not a valid e-mail address' };
  }
  const where = error.command ? ` at ${error.command}` : '';
  return {
    outcome: 'retry',
    reason: `SMTP ${error.code ?? 'error'}${error.responseCode ? ` ${error.responseCode}` : ''}${where}${said}`,
  };
}
