// Recipients never reach logs, operators' listings or stored error texts in full.

/** `anna.svensson@example.se` → `a***@e***.se`; `+46701234567` → `+46*******67`. */
export function maskRecipient(recipient: string): string {
  const at = recipient.lastIndexOf('@');
  if (at > 0) {
    const domain = recipient.slice(at + 1);
    const dot = domain.lastIndexOf('.');
    const tld = dot > 0 ? domain.slice(dot) : '';
    return `${recipient.slice(0, 1)}***@${domain.slice(0, 1)}***${tld}`;
  }
  if (/^\+?[\d\s-]{6,}$/.test(recipient)) {
    const digits = recipient.replace(/[\s-]/g, '');
    const prefix = digits.startsWith('+') ? digits.slice(0, 3) : '';
    return `${prefix}${'*'.repeat(Math.max(0, digits.length - prefix.length - 2))}${digits.slice(-2)}`;
  }
  // Letters are addressed to a citizen id: enough to find the row, not the person.
  return recipient.length > 8 ? `${recipient.slice(0, 8)}…` : '***';
}

const EMAIL_LIKE = /[^\s<>"'()[\],;:]+@[^\s<>"'()[\],;:]+/g;
const PHONE_LIKE = /\+?\d[\d\s-]{7,}\d/g;

/**
 * Makes what a remote server said safe to store and log: the recipient and anything shaped like an
 * address or a phone number are masked, `secrets` (the message text, a login code) are cut out
 * where a gateway echoes them, and the text is cut short.
 */
export function scrubRemoteText(text: string, recipient: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length > 0) out = out.split(secret).join('[…]');
  }
  if (recipient.length > 0) out = out.split(recipient).join(maskRecipient(recipient));
  out = out.replace(EMAIL_LIKE, (match) => maskRecipient(match));
  out = out.replace(PHONE_LIKE, (match) => maskRecipient(match));
  out = out.replace(/\s+/g, ' ').trim();
  return out.length > 200 ? `${out.slice(0, 200)}…` : out;
}
