import { readFileSync } from 'node:fs';
import v8 from 'node:v8';

// What the server's resident memory is made of at its peak (issue 20 pt 5: "say what each part
// costs"): V8's young generation (where a request's garbage lives until the next scavenge), its
// old generation (what survives: caches, compiled code's objects, modules), memory V8 knows of
// outside its heap (Buffers, TLS, zlib), the files mapped into memory (on Linux: mostly the node
// binary, 60+ MiB of pages that every Node process on the machine shares), and the rest: the
// memory Node and V8 allocate for themselves, worker threads' heaps, SQLite's page cache,
// malloc's free lists.

export type MemoryComposition = {
  rss: number;
  young: number;
  old: number;
  /** Code, read-only and trusted spaces. */
  otherHeap: number;
  external: number;
  /** Resident pages of mapped files (Linux's RssFile); 0 where /proc is not there. */
  files: number;
};

export function memoryComposition(): MemoryComposition {
  let young = 0;
  let old = 0;
  let otherHeap = 0;
  for (const space of v8.getHeapSpaceStatistics()) {
    if (space.space_name.startsWith('new_')) young += space.space_size;
    else if (space.space_name === 'old_space' || space.space_name === 'large_object_space') old += space.space_size;
    else otherHeap += space.space_size;
  }
  const { rss, external } = process.memoryUsage();
  return { rss, young, old, otherHeap, external, files: residentFilePages() };
}

function residentFilePages(): number {
  try {
    const kB = /^RssFile:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'latin1'))?.[1];
    return kB === undefined ? 0 : Number(kB) * 1024;
  } catch {
    return 0;
  }
}

/** Samples the composition every `intervalMs` and keeps the one where resident memory peaked. */
export function peakMemoryComposition(intervalMs = 250) {
  let peak = memoryComposition();
  const timer = setInterval(() => {
    const now = memoryComposition();
    if (now.rss > peak.rss) peak = now;
  }, intervalMs);
  timer.unref();
  return {
    /** The peak since the last take (or since start), and a new start from now. */
    take(): MemoryComposition {
      const taken = peak;
      peak = memoryComposition();
      return taken;
    },
  };
}
