import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The answer validator also runs in the browser before a form is sent. This keeps it free of
// libraries at run time: only relative modules, and other packages only as type imports.

const here = dirname(fileURLToPath(import.meta.url));
const RUNTIME_IMPORT = /^import\s+(?!type\s)[^;]*?from\s+'([^']+)';/gms;

function runtimeImports(file: string): string[] {
  const source = readFileSync(join(here, file), 'utf8');
  return [...source.matchAll(RUNTIME_IMPORT)].map((match) => match[1] as string);
}

describe('answer validator imports', () => {
  it('loads no library at run time, directly or through the modules it uses', () => {
    const seen = new Set<string>();
    const external: string[] = [];
    const queue = ['answer-validator.ts'];
    while (queue.length > 0) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const specifier of runtimeImports(file)) {
        if (specifier.startsWith('./')) queue.push(specifier.slice(2));
        else external.push(`${file} → ${specifier}`);
      }
    }
    expect(external).toEqual([]);
    expect(seen).toContain('field-condition.ts');
    expect(seen).toContain('form-limits.ts');
    expect(seen).not.toContain('form-definition.schema.ts');
  });
});
