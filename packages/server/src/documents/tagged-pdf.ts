import fs from 'node:fs';

// What every PDF Kontakta writes shares (the password letter, the copy for the medical record):
// tagged, Swedish unless told, the title shown in the reader, PDF/UA where the fonts can be embedded.

// PDF/UA needs embedded fonts; the standard PDF fonts are not. DejaVu comes with Debian's
// fonts-dejavu-core (and most desktops); without it the document is still tagged, in Helvetica.
const FONT_CANDIDATES = {
  regular: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'],
  bold: ['/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  mono: ['/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf'],
} as const;
const FALLBACK = { regular: 'Helvetica', bold: 'Helvetica-Bold', mono: 'Courier-Bold' } as const;

function font(kind: keyof typeof FONT_CANDIDATES): string {
  return FONT_CANDIDATES[kind].find((file) => fs.existsSync(file)) ?? FALLBACK[kind];
}

export type TaggedPdfInfo = Readonly<{ Title: string; Author: string; Subject: string; Creator?: string }>;

/**
 * A new A4 document with the fonts `regular`, `bold` and `mono` registered, and the finished file
 * once `doc.end()` is called. Reading order is structure order: add content under `doc.struct`.
 * pdfkit is loaded on the first document: it costs some 30 MB that most processes never need.
 */
export async function openTaggedPdf(
  info: TaggedPdfInfo,
  options: Readonly<{ compress?: boolean /** BCP 47, Swedish unless told. */; language?: string }> = {},
) {
  const embedded = font('regular') !== FALLBACK.regular;
  const { default: PdfDocument } = await import('pdfkit');
  const doc = new PdfDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    pdfVersion: '1.7',
    tagged: true,
    lang: options.language ?? 'sv-SE',
    displayTitle: true,
    compress: options.compress ?? true,
    info,
    // The type list lacks PDF/UA, which pdfkit supports; it needs embedded fonts to be true.
    ...(embedded ? { subset: 'PDF/UA' as unknown as 'PDF/A-1' } : {}),
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const kind of ['regular', 'bold', 'mono'] as const) doc.registerFont(kind, font(kind));
  return { doc, done };
}
