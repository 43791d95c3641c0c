/**
 * JSON with every object's keys sorted (by UTF-16 code units, as RFC 8785 does) and no
 * whitespace, so that two requests with the same content give the same text whatever order a
 * client wrote the properties in. For values parsed from JSON: numbers and strings are written
 * as `JSON.stringify` writes them, which is what RFC 8785 asks for too.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((name) => record[name] !== undefined)
      .sort()
      .map((name) => `${JSON.stringify(name)}:${canonicalJson(record[name])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
