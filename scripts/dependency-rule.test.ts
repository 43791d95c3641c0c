import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const depcruise = path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

/** Runs the dependency rule on one file that is there only for the length of the check. */
function checkFile(relativePath: string, source: string) {
  const file = path.join(root, relativePath);
  fs.writeFileSync(file, source);
  try {
    return spawnSync(process.execPath, [depcruise, relativePath, '--config', '.dependency-cruiser.cjs'], {
      cwd: root,
      encoding: 'utf8',
    });
  } finally {
    fs.rmSync(file, { force: true });
  }
}

describe('the dependency rule', () => {
  it('sees npm packages: the domain may not use a database library', () => {
    const result = checkFile(
      `packages/domain/src/deliberate-violation-${process.pid}.ts`,
      "import { sql } from 'kysely';\nexport const leak = sql;\n",
    );
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(
      /domain-is-pure: packages\/domain\/src\/deliberate-violation-\d+\.ts → node_modules\/kysely\//,
    );
  });

  it('lets the domain use its allow-list (the personnummer package, TypeBox)', () => {
    const result = checkFile(
      `packages/domain/src/deliberate-allowed-${process.pid}.ts`,
      "import { Type } from 'typebox';\nexport const id = Type.String();\n",
    );
    expect(result.stdout).toMatch(/no dependency violations found/);
    expect(result.status).toBe(0);
  });
});
