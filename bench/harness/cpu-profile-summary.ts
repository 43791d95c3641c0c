import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The report's "where the server's CPU went" (issue 20 pt 7): a V8 CPU profile (the format
// `--cpu-prof` and the inspector's Profiler.stop write) reduced to its top cost centres, as shares
// of the time the server was busy. Idle time is left out: a server waiting for requests costs nothing.

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

export type CostCentre = { name: string; share: number };
export type ProfileSummary = {
  /** Milliseconds the profiled processes were busy (idle samples left out). */
  busyMs: number;
  /** Where the code lives: a package, a Node module, one of Kontakta's files, or V8 itself. */
  areas: CostCentre[];
  /** Single functions, by their own time (not what they call). */
  functions: CostCentre[];
};

const IDLE = '(idle)';
const V8_ITSELF: Record<string, string> = {
  '(garbage collector)': 'garbage collection',
  '(program)': 'V8 and native code (program)',
  '(root)': 'V8 and native code (program)',
};

/** The top `top` areas and functions of one or more profiles of the same work (one per process). */
export function summariseProfiles(profiles: readonly CpuProfile[], repoRoot: string, top = 6): ProfileSummary {
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const profile of profiles) {
    const selfTime = selfTimeByNode(profile);
    const parents = new Map<number, ProfileNode>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node);
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    for (const [id, microseconds] of selfTime) {
      const node = byId.get(id);
      if (!node || node.callFrame.functionName === IDLE) continue;
      busy += microseconds;
      const { area, name } = costCentre(node, parents, repoRoot);
      areas.set(area, (areas.get(area) ?? 0) + microseconds);
      functions.set(name, (functions.get(name) ?? 0) + microseconds);
    }
  }
  const ranked = (totals: Map<string, number>) =>
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, microseconds]) => ({ name, share: busy > 0 ? microseconds / busy : 0 }));
  return { busyMs: busy / 1000, areas: ranked(areas), functions: ranked(functions) };
}

/** `top cost centres` as one line of the report: "kysely 14 %, node:sqlite 12 %, …". */
export function formatCostCentres(centres: readonly CostCentre[]): string {
  return centres.map((c) => `${c.name} ${Math.round(c.share * 100)} %`).join(', ');
}

// A sample's time is the gap to the next one (as Chrome's DevTools counts it); the last has none.
function selfTimeByNode(profile: CpuProfile): Map<number, number> {
  const time = new Map<number, number>();
  for (let i = 0; i < profile.samples.length - 1; i++) {
    const id = profile.samples[i] as number;
    time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  return time;
}

function costCentre(
  node: ProfileNode,
  parents: ReadonlyMap<number, ProfileNode>,
  repoRoot: string,
): { area: string; name: string } {
  const { functionName, url, lineNumber } = node.callFrame;
  const v8 = V8_ITSELF[functionName];
  if (v8) return { area: v8, name: v8 };
  const label = functionName || '(anonymous)';
  if (url) {
    const area = areaOf(url, repoRoot);
    // A package's area is its name; the function also says which of its files.
    const where = area.includes('/') && !area.startsWith('@') ? area : `${area} ${path.posix.basename(url)}`;
    return { area, name: `${label} (${where}:${lineNumber + 1})` };
  }
  // A built-in function (a SQLite statement's `all`, JSON.parse, a crypto binding) has no script:
  // it counts where the JavaScript that called it lives.
  let caller = parents.get(node.id);
  while (caller && !caller.callFrame.url) caller = parents.get(caller.id);
  const area = caller ? areaOf(caller.callFrame.url, repoRoot) : 'V8 and native code (program)';
  return { area, name: `${label} (built-in, from ${area})` };
}

/** A package name, `node:<module>`, or a path in the repository. */
export function areaOf(url: string, repoRoot: string): string {
  if (url.startsWith('node:')) {
    const parts = url.slice('node:'.length).split('/');
    return `node:${parts[0] === 'internal' ? (parts[1] ?? 'internal') : parts[0]}`;
  }
  const file = url.startsWith('file:') ? fileURLToPath(url) : url;
  const modules = file.lastIndexOf(`${path.sep}node_modules${path.sep}`);
  if (modules >= 0) {
    const [scope = '', name = ''] = file.slice(modules + '/node_modules/'.length).split(path.sep);
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  const relative = path.relative(repoRoot, file);
  return relative.startsWith('..') ? file : relative;
}
