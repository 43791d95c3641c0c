// Text that may be stored and shown: no C0 control characters or DEL (NUL in particular cannot be
// stored in PostgreSQL text), and no lone UTF-16 surrogates (they cannot be encoded as UTF-8).
// A loop rather than a regular expression, because the linter rightly distrusts control
// characters in patterns.

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** `allowLineBreaks`: tab, line feed and carriage return are fine in multi-line text. */
export function isSafeText(text: string, allowLineBreaks: boolean): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x20 && code !== 0x7f) continue;
    if (allowLineBreaks && (code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN)) continue;
    return false;
  }
  return text.isWellFormed();
}
