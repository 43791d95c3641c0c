import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchSession } from './bench-session.ts';
import {
  cpuSeconds,
  machineBusySeconds,
  processFamilyCpu,
  startChild,
  waitForQuiet,
  withPeakMemory,
} from './child-process.ts';
import type { ProfileSummary } from './cpu-profile-summary.ts';
import type { LoadResult, LoadSpec, PreparedRequest, StreamResult } from './load-types.ts';
import type { MemoryComposition } from './memory-composition.ts';
import { readServerCounts, statementsPerRequest } from './server-statements.ts';

// Runs the load generator process against a session's server and measures the server meanwhile:
// peak resident memory, and CPU used by the server, by PostgreSQL and by the load generator (on two
// cores these compete, so every figure says who used the processors).

const LOAD_SCRIPT = path.join(import.meta.dirname, 'load-generator.process.ts');

export type LoadMeasurement = {
  streams: StreamResult[];
  seconds: number;
  peakRss: number;
  /** Cores busy on average: the server process, PostgreSQL's processes, the load generator. */
  serverCores: number;
  databaseCores: number;
  loadCores: number;
  /** Cores busy with anything else on the machine meanwhile (it is shared): a warning sign. */
  otherCores: number;
  loginSplit?: LoadResult['loginSplit'];
  loadLoopDelay?: LoadResult['loopDelay'];
};

/** `pids`: the server processes to measure, by default every Kontakta process of the session. */
export async function runLoad(
  session: BenchSession,
  spec: LoadSpec,
  pids: readonly number[] = session.servers.map((server) => server.pid),
): Promise<LoadMeasurement> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontakta-load-'));
  const specFile = path.join(dir, 'spec.json');
  const resultFile = path.join(dir, 'result.json');
  fs.writeFileSync(specFile, JSON.stringify(spec));
  const postgres = session.postgresDataDir ? processFamilyCpu((cmd) => cmd.startsWith('postgres: ')) : undefined;
  const sampler = postgres ? setInterval(() => postgres.sample(), 500) : undefined;
  const serverCpu = () => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const serverBefore = serverCpu();
  const machineBefore = machineBusySeconds();
  const started = performance.now();
  try {
    const { result, peakRss } = await withPeakMemory(pids, async () => {
      const load = startChild(LOAD_SCRIPT, [specFile, resultFile], {});
      await new Promise<void>((resolve) => load.process.once('exit', () => resolve()));
      if (!fs.existsSync(resultFile)) throw new Error(`the load generator failed: ${load.output().join('\n')}`);
      return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as LoadResult;
    });
    const wall = (performance.now() - started) / 1000;
    const serverCores = (serverCpu() - serverBefore) / wall;
    const databaseCores = (postgres?.total() ?? 0) / wall;
    const loadCores = result.loadCpuSeconds / wall;
    const machineCores = (machineBusySeconds() - machineBefore) / wall;
    return {
      streams: result.streams,
      seconds: result.seconds,
      peakRss,
      serverCores,
      databaseCores,
      loadCores,
      otherCores: Math.max(0, machineCores - serverCores - databaseCores - loadCores),
      ...(result.loginSplit ? { loginSplit: result.loginSplit } : {}),
      ...(result.loopDelay ? { loadLoopDelay: result.loopDelay } : {}),
    };
  } finally {
    if (sampler) clearInterval(sampler);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export type Figure = {
  rate: number;
  p50: number;
  p99: number;
  errors: number;
  peakRss: number;
  serverCores: number;
  databaseCores: number;
  loadCores: number;
  otherCores: number;
  runs: number;
  firstError?: string;
  loginSplit?: LoadResult['loginSplit'];
  /** Kontakta's database statements per request over the measured runs (server-statements.ts). */
  statementsPerRequest?: number;
  /** With --profile: the server's top cost centres during this benchmark (server-profile.ts). */
  profile?: ProfileSummary;
  /** What the server's memory was made of at its peak during this benchmark (server-profile.ts). */
  memory?: MemoryComposition;
};

export type ClosedOptions = { connections: number; seconds: number; runs: number; warmupSeconds: number };

/** Warm-up, then `runs` runs; the medians of rate and latencies (and the peak memory). */
export async function measureClosed(
  session: BenchSession,
  url: string,
  requests: PreparedRequest[],
  options: ClosedOptions,
  pid?: number,
): Promise<Figure> {
  if (requests.length === 0) throw new Error('no requests prepared');
  const pids = pid === undefined ? undefined : [pid];
  const spec = (seconds: number): LoadSpec => ({
    kind: 'closed',
    url,
    connections: options.connections,
    seconds,
    requests,
  });
  // The machine is shared: let others' work finish first (for at most a minute).
  await waitForQuiet(60_000);
  if (options.warmupSeconds > 0) await runLoad(session, spec(options.warmupSeconds), pids);
  // Kontakta's own server counts its statements (a floor server does not).
  const before = pid === undefined ? await readServerCounts(url) : undefined;
  const figure = medianFigure(await cleanRuns(options.runs, () => runLoad(session, spec(options.seconds), pids)));
  const perRequest = statementsPerRequest(before, before ? await readServerCounts(url) : undefined);
  return perRequest === undefined ? figure : { ...figure, statementsPerRequest: perRequest };
}

export function medianFigure(runs: LoadMeasurement[]): Figure {
  const stream = (run: LoadMeasurement) => run.streams[0] as StreamResult;
  const errors = runs.reduce((sum, run) => sum + stream(run).errors, 0);
  const firstError = runs.map((run) => stream(run).firstError).find(Boolean);
  const loginSplit = runs.map((run) => run.loginSplit).find(Boolean);
  return {
    rate: median(runs.map((run) => stream(run).rate)),
    p50: median(runs.map((run) => stream(run).p50)),
    p99: median(runs.map((run) => stream(run).p99)),
    errors,
    peakRss: Math.max(...runs.map((run) => run.peakRss)),
    serverCores: median(runs.map((run) => run.serverCores)),
    databaseCores: median(runs.map((run) => run.databaseCores)),
    loadCores: median(runs.map((run) => run.loadCores)),
    otherCores: Math.max(...runs.map((run) => run.otherCores)),
    runs: runs.length,
    ...(firstError ? { firstError } : {}),
    ...(loginSplit ? { loginSplit } : {}),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Other work this busy on the machine during a run makes the run worthless: wait and run again. */
const BUSY_ELSEWHERE = 0.3;

/** `count` runs, each repeated (up to twice) when other work on the shared machine disturbed it. */
export async function cleanRuns(count: number, run: () => Promise<LoadMeasurement>): Promise<LoadMeasurement[]> {
  const runs: LoadMeasurement[] = [];
  for (let i = 0; i < count; i++) {
    let measurement = await run();
    for (let retry = 0; retry < 2 && measurement.otherCores > BUSY_ELSEWHERE; retry++) {
      await waitForQuiet(120_000);
      measurement = await run();
    }
    runs.push(measurement);
  }
  return runs;
}
