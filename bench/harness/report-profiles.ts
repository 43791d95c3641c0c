import { formatCostCentres, type ProfileSummary } from './cpu-profile-summary.ts';
import type { MemoryComposition } from './memory-composition.ts';

/**
 * "What the server's memory is made of" (issue 20 pt 5), per benchmark, at the moment its resident
 * memory peaked.
 */
export function memorySection(measured: ReadonlyArray<{ title: string; memory: MemoryComposition }>): string[] {
  if (measured.length === 0) return [];
  const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)}`;
  return [
    "### What the server's memory is made of",
    '',
    'MiB at the moment the server’s resident memory peaked during each benchmark (sampled every 250 ms in the ' +
      'server): V8’s young generation (requests’ short-lived objects), its old generation (what survives), its ' +
      'code and other spaces, memory outside the heap that V8 knows of (Buffers), mapped files (mostly the node ' +
      'binary, whose pages every Node process on the machine shares), and the rest (what Node and V8 allocate ' +
      'for themselves, worker threads’ heaps, SQLite’s page cache, the allocator’s free memory).',
    '',
    '| benchmark | resident | young | old | code and other | Buffers | mapped files | the rest |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...measured.map(({ title, memory: m }) => {
      const rest = m.rss - m.young - m.old - m.otherHeap - m.external - m.files;
      return `| ${title} | ${mib(m.rss)} | ${mib(m.young)} | ${mib(m.old)} | ${mib(m.otherHeap)} | ${mib(m.external)} | ${mib(m.files)} | ${mib(rest)} |`;
    }),
    '',
  ];
}

/**
 * "Where the server's CPU went" (issue 20 pt 7): per benchmark, the top cost centres of the
 * server's busy time, by area (package, Node module, Kontakta file) and by single function.
 */
export function profileSection(profiled: ReadonlyArray<{ title: string; profile: ProfileSummary }>): string[] {
  if (profiled.length === 0) return [];
  return [
    "### Where the server's CPU went",
    '',
    'Shares of the server processes’ busy time (V8 sampling profiler, idle left out) during each benchmark, ' +
      'warm-up included; a built-in function (a SQLite statement, JSON, crypto) counts where its caller lives. ' +
      'The profiles are in the profile folder, to open in Chrome’s DevTools.',
    '',
    '| benchmark | busy s | top areas | top functions (own time) |',
    '|---|---:|---|---|',
    ...profiled.map(
      ({ title, profile }) =>
        `| ${title} | ${(profile.busyMs / 1000).toFixed(1)} | ${cell(formatCostCentres(profile.areas))} | ${cell(formatCostCentres(profile.functions))} |`,
    ),
    '',
  ];
}

const cell = (text: string) => text.replaceAll('|', '/');
