import { describe, expect, it } from 'vitest';
import { withVisibleControls } from './visible-controls.ts';

describe('text someone else wrote', () => {
  it('shows a right-to-left override instead of obeying it: "gnp.exe" cannot pass for "exe.png"', () => {
    const parts = withVisibleControls('bifogad bild: \u202Egnp.exe');
    expect(parts).toEqual([
      { kind: 'text', text: 'bifogad bild: ' },
      { kind: 'control', codePoint: 'U+202E' },
      { kind: 'text', text: 'gnp.exe' },
    ]);
    // No control character is left in what is rendered as text.
    const rendered = parts.map((p) => (p.kind === 'text' ? p.text : `[${p.codePoint}]`)).join('');
    expect(rendered).toBe('bifogad bild: [U+202E]gnp.exe');
    expect(rendered).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('names every bidi control, isolates included, and leaves other text, emoji and Arabic alone', () => {
    const controls = [
      '\u061C',
      '\u200E',
      '\u200F',
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ];
    for (const control of controls) {
      expect(withVisibleControls(`a${control}b`).filter((p) => p.kind === 'control')).toHaveLength(1);
    }
    expect(withVisibleControls('Åsa 😀 مرحبا')).toEqual([{ kind: 'text', text: 'Åsa 😀 مرحبا' }]);
    expect(withVisibleControls('')).toEqual([]);
  });
});
