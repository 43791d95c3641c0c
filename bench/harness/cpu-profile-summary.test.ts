import { describe, expect, it } from 'vitest';
import { areaOf, type CpuProfile, formatCostCentres, summariseProfiles } from './cpu-profile-summary.ts';

const ROOT = '/repo';
const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

// (root) → handler (sqlite-driver.ts) → all (built-in); (root) → compile (kysely); (idle); GC.
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 4, 5, 6] },
    { id: 2, callFrame: frame('run', 'file:///repo/packages/server/src/storage/sqlite-driver.ts', 55), children: [3] },
    { id: 3, callFrame: frame('all') },
    { id: 4, callFrame: frame('compileQuery', 'file:///repo/node_modules/kysely/dist/esm/compiler.js', 9) },
    { id: 5, callFrame: frame('(idle)') },
    { id: 6, callFrame: frame('(garbage collector)') },
  ],
  // Each sample's time is the gap to the next one: 3 → 40 µs, 4 → 30, 5 (idle) → 1000, 6 → 20, 2 → 10.
  samples: [3, 4, 5, 6, 2, 3],
  timeDeltas: [0, 40, 30, 1000, 20, 10],
};

describe('a CPU profile summarised for the report', () => {
  it('shares the busy time by area, a built-in counting where its caller lives, idle left out', () => {
    const summary = summariseProfiles([profile], ROOT);
    expect(summary.busyMs).toBeCloseTo(0.1);
    expect(summary.areas).toEqual([
      { name: 'packages/server/src/storage/sqlite-driver.ts', share: 0.5 },
      { name: 'kysely', share: 0.3 },
      { name: 'garbage collection', share: 0.2 },
    ]);
    expect(summary.functions.map((f) => f.name)).toEqual([
      'all (built-in, from packages/server/src/storage/sqlite-driver.ts)',
      'compileQuery (kysely compiler.js:10)',
      'garbage collection',
      'run (packages/server/src/storage/sqlite-driver.ts:56)',
    ]);
  });

  it('adds up the profiles of several processes and keeps only the top ones', () => {
    const summary = summariseProfiles([profile, profile], ROOT, 2);
    expect(summary.busyMs).toBeCloseTo(0.2);
    expect(summary.areas.map((a) => a.name)).toEqual(['packages/server/src/storage/sqlite-driver.ts', 'kysely']);
    expect(formatCostCentres(summary.areas)).toBe('packages/server/src/storage/sqlite-driver.ts 50 %, kysely 30 %');
  });

  it('names packages (scoped too), Node modules and files outside the repository', () => {
    expect(areaOf('file:///repo/node_modules/@fastify/ajv-compiler/index.js', ROOT)).toBe('@fastify/ajv-compiler');
    expect(areaOf('node:internal/crypto/cipher', ROOT)).toBe('node:crypto');
    expect(areaOf('node:sqlite', ROOT)).toBe('node:sqlite');
    expect(areaOf('file:///elsewhere/x.js', ROOT)).toBe('/elsewhere/x.js');
  });

  it('an idle profile has no busy time and no shares', () => {
    const idle: CpuProfile = { nodes: [{ id: 1, callFrame: frame('(idle)') }], samples: [1, 1], timeDeltas: [0, 5] };
    expect(summariseProfiles([idle], ROOT)).toEqual({ busyMs: 0, areas: [], functions: [] });
  });
});
