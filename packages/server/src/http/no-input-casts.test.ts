import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const httpDir = import.meta.dirname;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

/**
 * Route handlers take their input typed from the contract (route-handler.ts): a cast of request
 * input would let a handler believe in a shape no schema checked. Only `handle` itself, which
 * hands the validated input on, may convert it.
 */
describe('request input in the HTTP layer', () => {
  it('is never cast by a route handler', () => {
    const casts = sourceFiles(httpDir)
      .filter((file) => path.basename(file) !== 'route-handler.ts')
      .flatMap((file) =>
        fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .map((line, index) => ({ line, where: `${path.relative(httpDir, file)}:${index + 1}` }))
          .filter(({ line }) => /request\.(body|params|query|headers)\b[^;]*\bas\b|as Static</.test(line)),
      )
      .map(({ where }) => where);
    expect(casts).toEqual([]);
  });
});
