import type { ServerMessageId } from '../../i18n/server-texts.ts';

// Which words each template sends; the words themselves are in the server's message catalogues
// (`../../i18n/messages.<language>.json`). A notification says only that there is something new
// to read and where to log in: no unit name (even "Barnmorskemottagningen" tells something about
// health), no errand type, no content. The one exception is the login code, which the SMS must carry.

export type TemplateValues = {
  /** Where the recipient logs in. */
  url: string;
  /** login-code only: the one-time code, digits only (checked before rendering). */
  code: string;
  /** login-code only: how long the code is valid (an ICU plural: "1 minut", "5 minuter"). */
  validMinutes: number;
};

type EmailText = { subject: ServerMessageId; body: ServerMessageId };
type Texts = { email?: EmailText; sms?: ServerMessageId };

/** Template name → channel → message ids. A name or channel missing here cannot be sent. */
export const TEMPLATE_TEXTS: Readonly<Record<string, Texts>> = {
  'errand-received': {
    email: { subject: 'email.errand-received.subject', body: 'email.errand-received.body' },
  },
  'errand-reply-received': {
    email: { subject: 'email.errand-reply-received.subject', body: 'email.errand-reply-received.body' },
  },
  // To a caregiver who asked for it on their profile: an errand is theirs now.
  'errand-assigned': {
    email: { subject: 'email.errand-assigned.subject', body: 'email.errand-assigned.body' },
  },
  'errands-overdue': {
    email: { subject: 'email.errands-overdue.subject', body: 'email.errands-overdue.body' },
  },
  'unit-daily-digest': {
    email: { subject: 'email.unit-daily-digest.subject', body: 'email.unit-daily-digest.body' },
  },
  'errand-answered': {
    email: { subject: 'email.errand-answered.subject', body: 'email.errand-answered.body' },
    sms: 'sms.errand-answered',
  },
  'new-message': {
    email: { subject: 'email.new-message.subject', body: 'email.new-message.body' },
    sms: 'sms.new-message',
  },
  'contact-verification': {
    email: { subject: 'email.contact-verification.subject', body: 'email.contact-verification.body' },
    sms: 'sms.contact-verification',
  },
  // To a verified address that was replaced or cleared: nothing about the new address, so that
  // whoever changed it learns nothing new, and the owner learns of a change they did not make.
  'contact-replaced': {
    email: { subject: 'email.contact-replaced.subject', body: 'email.contact-replaced.body' },
    sms: 'sms.contact-replaced',
  },
  'login-code': {
    sms: 'sms.login-code',
  },
};

/** Letters are PDFs made elsewhere; this only names them in listings (the development outbox). */
export const LETTER_DESCRIPTIONS: Readonly<Record<string, ServerMessageId>> = {
  'password-letter': 'letter.password-letter.description',
};
