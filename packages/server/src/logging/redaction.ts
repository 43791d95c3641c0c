// The one list of what never reaches a log line. Keys are matched at any of the first levels of a
// log object; values that look like a personnummer are masked wherever they appear.

export const REDACTED_KEYS = [
  'personnummer',
  'personalNumber',
  'pnr',
  'ssn',
  'name',
  'givenName',
  'familyName',
  'fullName',
  'address',
  'street',
  'email',
  'mobile',
  'phone',
  'password',
  'answers',
  'text',
  'message',
  'body',
  'cookie',
  'authorization',
  'set-cookie',
  'token',
  'secret',
] as const;

/** pino `redact` paths for those keys at the top level and one or two levels down. */
export const REDACT_PATHS = REDACTED_KEYS.flatMap((key) => {
  const k = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const join = (prefix: string) => (k.startsWith('[') ? `${prefix}${k}` : `${prefix}.${k}`);
  return [k.startsWith('[') ? k.slice(2, -2) : k, join('*'), join('*.*')];
});

// 10 or 12 digits with an optional - or +: the written forms of personnummer and samordningsnummer.
const PERSONNUMMER_LIKE = /(?<!\d)(?:\d{2})?\d{6}[-+]?\d{4}(?!\d)/g;

export function maskPersonnummer(text: string): string {
  return text.replace(PERSONNUMMER_LIKE, '[personnummer]');
}

/** Masks personnummer-like strings anywhere in a log object (a last line of defence behind redact). */
export function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonnummer(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  // Only plain data is walked: requests, replies and errors go to their serializers untouched.
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return value;
  if (Array.isArray(value)) return value.map((item) => maskDeep(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = maskDeep(item, depth + 1);
  return out;
}
