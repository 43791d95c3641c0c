/**
 * Characters that reorder the text around them (Unicode's bidirectional controls). In text a
 * citizen wrote they are how "gnp.exe" with a right-to-left override in front is shown as
 * "exe.png": staff must see them, not be steered by them.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

export type TextPart = Readonly<{ kind: 'text'; text: string }> | Readonly<{ kind: 'control'; codePoint: string }>;

/** Splits text into plain runs and the bidi controls in it, each named as `U+XXXX`. */
export function withVisibleControls(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let run = '';
  for (const character of text) {
    if (BIDI_CONTROLS.test(character)) {
      if (run) parts.push({ kind: 'text', text: run });
      run = '';
      const code = (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
      parts.push({ kind: 'control', codePoint: `U+${code}` });
    } else run += character;
  }
  if (run) parts.push({ kind: 'text', text: run });
  return parts;
}
