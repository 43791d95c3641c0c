import { inflateSync } from 'node:zlib';

// A small PDF reader for tests, enough for the files pdfkit writes: the objects (streams inflated),
// the catalog and info dictionaries, and the page text decoded through each font's ToUnicode map
// (embedded fonts) or WinAnsi (the standard fonts). Not a general PDF parser; no dependency.

export type PdfFacts = Readonly<{
  header: string;
  /** startxref points at the cross-reference table and the file ends with %%EOF. */
  wellFormed: boolean;
  catalog: string;
  info: Readonly<Record<string, string>>;
  /** The text shown on the pages, one line per text-showing operator, whitespace folded. */
  text: string;
  /** Every object's dictionary (and stream, inflated), for structure checks. */
  objects: ReadonlyMap<number, Readonly<{ dict: string; stream?: string }>>;
  /** A catalog entry's value: the referenced object's dictionary when it is a reference. */
  catalogEntry: (key: string) => string | undefined;
}>;

function unescapeLiteral(raw: string): string {
  return raw.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, c: string) => {
    const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
    return map[c] ?? String.fromCharCode(Number.parseInt(c, 8));
  });
}

/** A PDF text string (bytes as latin1 characters) as text: UTF-16BE with a BOM, or PDFDocEncoding ≈ latin1. */
function textString(bytes: string): string {
  if (bytes.startsWith('\xfe\xff')) {
    let out = '';
    for (let i = 2; i + 1 < bytes.length; i += 2)
      out += String.fromCharCode((bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1));
    return out;
  }
  return bytes;
}

function utf16Hex(hex: string): string {
  let out = '';
  for (const unit of hex.trim().split(/\s+/)) {
    for (let i = 0; i + 4 <= unit.length; i += 4) out += String.fromCharCode(Number.parseInt(unit.slice(i, i + 4), 16));
  }
  return out;
}

function parseCmap(stream: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of stream.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const body = block[1] ?? '';
    for (const m of body.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[^>]*>)/g)) {
      const start = Number.parseInt(m[1] ?? '0', 16);
      const end = Number.parseInt(m[2] ?? '0', 16);
      const target = m[3] ?? '';
      if (target.startsWith('[')) {
        const items = [...target.matchAll(/<([^>]*)>/g)].map((x) => utf16Hex(x[1] ?? ''));
        for (const [index, item] of items.entries()) map.set(start + index, item);
      } else {
        const first = utf16Hex(target.slice(1, -1));
        for (let code = start; code <= end; code++) {
          map.set(code, first.slice(0, -1) + String.fromCharCode(first.charCodeAt(first.length - 1) + (code - start)));
        }
      }
    }
  }
  for (const block of stream.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) {
      map.set(Number.parseInt(m[1] ?? '0', 16), utf16Hex(m[2] ?? ''));
    }
  }
  return map;
}

// The WinAnsi characters that differ from latin1 (pdfkit's standard fonts use WinAnsi).
const WIN_ANSI: Record<number, string> = { 128: '€', 145: '‘', 146: '’', 147: '“', 148: '”', 150: '–', 151: '—' };

export function readPdf(pdf: Buffer): PdfFacts {
  const s = pdf.toString('latin1');
  const header = s.slice(0, s.indexOf('\n'));
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(s);
  const wellFormed = !!startxref && s.startsWith('xref', Number(startxref[1]));

  const objects = new Map<number, { dict: string; stream?: string }>();
  const objectRe = /(\d+) 0 obj\s*/g;
  for (let m = objectRe.exec(s); m; m = objectRe.exec(s)) {
    const start = m.index + m[0].length;
    const streamAt = s.indexOf('stream', start);
    const endAt = s.indexOf('endobj', start);
    if (streamAt !== -1 && streamAt < endAt) {
      const dict = s.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
      const dataStart = streamAt + 'stream'.length + (s[streamAt + 6] === '\r' ? 2 : 1);
      let data = s.slice(dataStart, dataStart + length);
      if (/\/Filter \/FlateDecode/.test(dict)) data = inflateSync(Buffer.from(data, 'latin1')).toString('latin1');
      objects.set(Number(m[1]), { dict, stream: data });
      objectRe.lastIndex = s.indexOf('endobj', dataStart + length);
    } else {
      objects.set(Number(m[1]), { dict: s.slice(start, endAt) });
      objectRe.lastIndex = endAt;
    }
  }

  const trailer = s.slice(s.lastIndexOf('trailer'));
  const rootId = Number(/\/Root (\d+) 0 R/.exec(trailer)?.[1]);
  const infoId = Number(/\/Info (\d+) 0 R/.exec(trailer)?.[1]);
  const catalog = objects.get(rootId)?.dict ?? '';
  const info: Record<string, string> = {};
  // pdfkit writes each value as an object of its own; a direct string would do as well.
  for (const m of (objects.get(infoId)?.dict ?? '').matchAll(/\/(\w+) (?:(\d+) 0 R|\(((?:\\[\s\S]|[^\\)])*)\))/g)) {
    const literal = m[2] ? /^\s*\(((?:\\[\s\S]|[^\\)])*)\)/.exec(objects.get(Number(m[2]))?.dict ?? '')?.[1] : m[3];
    if (literal !== undefined) info[m[1] ?? ''] = textString(unescapeLiteral(literal));
  }

  // Font resource names (pdfkit's are unique in a document) → the font's ToUnicode map, if any.
  const cmaps = new Map<string, Map<number, string> | undefined>();
  for (const { dict } of objects.values()) {
    for (const m of dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const fontDict = objects.get(Number(m[2]))?.dict ?? '';
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(fontDict);
      const stream = toUnicode ? objects.get(Number(toUnicode[1]))?.stream : undefined;
      cmaps.set(m[1] ?? '', stream ? parseCmap(stream) : undefined);
    }
  }

  const lines: string[] = [];
  for (const { stream } of objects.values()) {
    if (!stream || !/\bT[Jj]\b/.test(stream)) continue;
    let cmap: Map<number, string> | undefined;
    const decodeHex = (hex: string) => {
      let out = '';
      if (cmap) {
        for (let i = 0; i + 4 <= hex.length; i += 4) out += cmap.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? '';
      } else {
        for (let i = 0; i + 2 <= hex.length; i += 2) {
          const code = Number.parseInt(hex.slice(i, i + 2), 16);
          out += WIN_ANSI[code] ?? String.fromCharCode(code);
        }
      }
      return out;
    };
    const decode = (operand: string) =>
      [...operand.matchAll(/<([0-9a-fA-F]*)>|\(((?:\\[\s\S]|[^\\)])*)\)/g)]
        .map((part) => (part[1] !== undefined ? decodeHex(part[1]) : unescapeLiteral(part[2] ?? '')))
        .join('');
    const ops =
      /\/(F\d+)\s+[\d.]+\s+Tf|(\[(?:<[^>]*>|\((?:\\[\s\S]|[^\\)])*\)|[^\]])*\])\s*TJ|(<[^>]*>|\((?:\\[\s\S]|[^\\)])*\))\s*Tj/g;
    for (const m of stream.matchAll(ops)) {
      if (m[1] !== undefined) cmap = cmaps.get(m[1]);
      else lines.push(decode(m[2] ?? m[3] ?? ''));
    }
  }
  const text = lines.map((line) => line.replace(/\s+/g, ' ').trim()).join('\n');
  const catalogEntry = (key: string) => {
    const reference = new RegExp(`/${key} (\\d+) 0 R`).exec(catalog);
    if (reference) return objects.get(Number(reference[1]))?.dict;
    return new RegExp(`/${key} (<<[\\s\\S]*?>>|\\S+)`).exec(catalog)?.[1];
  };
  return { header, wellFormed, catalog, info, text, objects, catalogEntry };
}
