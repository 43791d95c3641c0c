// A pseudo-locale for tests: every catalogue message with its words accented and bracketed
// ("Skicka" → "[Šķíčķâ]"), placeholders and plural/select syntax untouched. A page rendered with it
// shows at a glance which text did not come from the catalogue, and a missing key stands out.

const ACCENTS: Readonly<Record<string, string>> = {
  a: 'â',
  b: 'ƀ',
  c: 'č',
  d: 'đ',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ô',
  p: 'þ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'û',
  w: 'ŵ',
  y: 'ý',
  z: 'ž',
  A: 'Â',
  B: 'Ɓ',
  C: 'Č',
  D: 'Đ',
  E: 'É',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  N: 'Ñ',
  O: 'Ô',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Û',
  W: 'Ŵ',
  Y: 'Ý',
  Z: 'Ž',
};

/** Characters that start an ICU quoted section after an apostrophe. */
const QUOTABLE = new Set(['{', '}', '#', '<', '>', '|']);

/**
 * Accents the literal text of one ICU message. Text is literal at an even brace depth (the message
 * itself and each plural/select branch); argument names, types and option keys (odd depth),
 * quoted sections ('{') and tags (<b>) are copied as they are.
 */
export function pseudoLocalize(message: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    const ch = message.charAt(i);
    const next = message.charAt(i + 1);
    if (ch === "'" && (next === "'" || QUOTABLE.has(next))) {
      const end = next === "'" ? i + 1 : message.indexOf("'", i + 1);
      const stop = end === -1 ? message.length - 1 : end;
      out += message.slice(i, stop + 1);
      i = stop;
    } else if (ch === '{') {
      depth++;
      out += ch;
    } else if (ch === '}') {
      depth--;
      out += ch;
    } else if (depth % 2 === 1) {
      out += ch;
    } else if (ch === '<' && /[A-Za-z/]/.test(next)) {
      const end = message.indexOf('>', i);
      const stop = end === -1 ? message.length - 1 : end;
      out += message.slice(i, stop + 1);
      i = stop;
    } else {
      out += ACCENTS[ch] ?? ch;
    }
  }
  return `[${out}]`;
}

/** A whole catalogue in the pseudo-locale, with the same keys. */
export function pseudoCatalogue<K extends string>(catalogue: Readonly<Record<K, string>>): Record<K, string> {
  return Object.fromEntries(
    Object.entries<string>(catalogue).map(([id, message]) => [id, pseudoLocalize(message)]),
  ) as Record<K, string>;
}
