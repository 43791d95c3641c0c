import { type ServerText, serverTexts } from '../../i18n/server-texts.ts';
import type { OutgoingMessage, RenderedMessage } from '../notification.types.ts';
import { LETTER_DESCRIPTIONS, TEMPLATE_TEXTS, type TemplateValues } from './template-texts.ts';

/** Where recipients log in: citizens at the start page, staff at the staff tool. */
export type LoginLinks = Readonly<{ citizen: string; staff: string }>;

/**
 * Citizens are taught never to log in through a link in a message (that is how phishing works), so
 * by default their notifications name only the address to go to (`kontakta.region.se`), not a
 * link; an installation can choose links (KONTAKTA_NOTIFICATION_LINKS). Staff get the link to
 * their tool: their mailbox is the unit's, inside the care network.
 */
export function loginLinks(publicUrl: string, clickableForCitizens: boolean): LoginLinks {
  const citizen = clickableForCitizens ? `${publicUrl}/` : new URL(publicUrl).host;
  return { citizen, staff: `${publicUrl}/personal` };
}

/** Templates addressed to care-unit staff (a unit's mailbox, a caregiver); the rest go to citizens. */
const STAFF_TEMPLATES = new Set([
  'errand-received',
  'errand-reply-received',
  'unit-daily-digest',
  'errands-overdue',
  'errand-assigned',
]);

const DEFAULT_CODE_MINUTES = 5;

/** The only templates that carry a code: logging in, and proving an address is one's own. */
const CODE_TEMPLATES = new Set(['login-code', 'contact-verification']);

export type RenderResult = { ok: true; message: RenderedMessage } | { ok: false; reason: string };

/**
 * Puts a message into words. Only the login link, and for `login-code` the code, ever come from
 * outside the template; every other parameter is ignored, so content put in an outbox row by
 * mistake still never leaves Kontakta.
 */
export function renderMessage(
  message: OutgoingMessage,
  links: LoginLinks,
  /** The row's language's texts; tests pass another catalogue (the pseudo-locale check). */
  textsFor: (language: string) => ServerText = serverTexts,
): RenderResult {
  const text = textsFor(message.language);
  if (message.channel === 'letter') {
    const description = Object.hasOwn(LETTER_DESCRIPTIONS, message.template)
      ? LETTER_DESCRIPTIONS[message.template]
      : undefined;
    if (!description) return { ok: false, reason: `no letter template "${message.template}"` };
    return { ok: true, message: { ...message, subject: null, text: text(description) } };
  }

  const texts = Object.hasOwn(TEMPLATE_TEXTS, message.template) ? TEMPLATE_TEXTS[message.template] : undefined;
  if (!texts) return { ok: false, reason: `no template "${message.template}"` };
  const values = templateValues(message, links);
  if (!values.ok) return values;

  if (message.channel === 'email') {
    const email = texts.email;
    if (!email) return { ok: false, reason: `template "${message.template}" has no e-mail text` };
    const body = [text('email.greeting'), text(email.body, values.values), text('email.footer')].join('\n\n');
    return { ok: true, message: { ...message, subject: text(email.subject), text: `${body}\n` } };
  }
  if (!texts.sms) return { ok: false, reason: `template "${message.template}" has no SMS text` };
  return { ok: true, message: { ...message, subject: null, text: text(texts.sms, values.values) } };
}

function templateValues(
  message: OutgoingMessage,
  links: LoginLinks,
): { ok: true; values: TemplateValues } | { ok: false; reason: string } {
  const url = STAFF_TEMPLATES.has(message.template) ? links.staff : links.citizen;
  if (!CODE_TEMPLATES.has(message.template)) return { ok: true, values: { url, code: '', validMinutes: 0 } };
  const { code, validMinutes } = message.parameters;
  // Digits only: the code is the one value an SMS carries, so nothing else may pass as a code.
  if (typeof code !== 'string' || !/^\d{4,10}$/.test(code))
    return { ok: false, reason: `${message.template} without a valid code` };
  const minutes =
    typeof validMinutes === 'number' && Number.isInteger(validMinutes) && validMinutes > 0 && validMinutes <= 60
      ? validMinutes
      : DEFAULT_CODE_MINUTES;
  return { ok: true, values: { url, code, validMinutes: minutes } };
}
