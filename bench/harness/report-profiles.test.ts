import { describe, expect, it } from 'vitest';
import { memorySection, profileSection } from './report-profiles.ts';

const MiB = 2 ** 20;

describe("the report's server sections", () => {
  it('splits resident memory into its parts, mapped files apart, the rest being what V8 does not account for', () => {
    const lines = memorySection([
      {
        title: '(a) send an errand',
        memory: {
          rss: 300 * MiB,
          young: 48 * MiB,
          old: 90 * MiB,
          otherHeap: 12 * MiB,
          external: 20 * MiB,
          files: 64 * MiB,
        },
      },
    ]);
    expect(lines).toContain('| (a) send an errand | 300 | 48 | 90 | 12 | 20 | 64 | 66 |');
  });

  it('lists each benchmark with its top cost centres, and nothing when nothing was profiled', () => {
    const lines = profileSection([
      {
        title: '(d) receiver opens an errand',
        profile: {
          busyMs: 12_345,
          areas: [{ name: 'kysely', share: 0.18 }],
          functions: [{ name: 'a|b (x.ts:1)', share: 0.05 }],
        },
      },
    ]);
    expect(lines).toContain('| (d) receiver opens an errand | 12.3 | kysely 18 % | a/b (x.ts:1) 5 % |');
    expect(profileSection([])).toEqual([]);
    expect(memorySection([])).toEqual([]);
  });
});
