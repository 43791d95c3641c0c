import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchMeta } from '../generator/bench-dataset.ts';
import {
  HIGH_CONNECTIONS,
  type MixResult,
  type MixStep,
  NATIONAL_PEAK,
  SCENARIOS,
  type ScenarioId,
  type SuiteResult,
} from './benchmark-suite.ts';
import type { ProfileSummary } from './cpu-profile-summary.ts';
import type { Figure } from './load-runner.ts';
import type { MemoryComposition } from './memory-composition.ts';
import { describeActivity, type PostgresActivity } from './postgres-activity.ts';
import { memorySection, profileSection } from './report-profiles.ts';
import { retentionSection, retentionTarget } from './report-retention.ts';
import { WHAT_IT_WOULD_TAKE } from './report-what-it-would-take.ts';
import { statisticsSection, statisticsTarget } from './statistics-benchmark.ts';

// The report the benchmark writes: what was measured, on what, with which settings, and the
// verdict on each target of issue #8, as Markdown under bench/results/.

export type ReportInput = {
  started: Date;
  finished: Date;
  quick: boolean;
  options: {
    connections: number;
    seconds: number;
    runs: number;
    warmupSeconds: number;
    holdSeconds: number;
    mixSteps: number[];
  };
  results: SuiteResult[];
  datasets: Record<string, BenchMeta | undefined>;
};

const COST_CURVE: ScenarioId[] = ['b1', 'b2', 'c', 'd', 'f'];

export function writeReport(file: string, input: ReportInput): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, renderReport(input));
}

export function renderReport(input: ReportInput): string {
  const { options, results } = input;
  const lines: string[] = [];
  const add = (...more: string[]) => lines.push(...more);
  add(
    `# Kontakta benchmarks, ${input.started.toISOString().slice(0, 10)} on ${os.hostname()}`,
    '',
    `Written by \`npm run bench${input.quick ? ' -- --quick' : ''}\` (${minutes(input.started, input.finished)} min). ` +
      'Every figure is over real HTTP on loopback against a Kontakta server in its own process, started the way ' +
      "`kontakta serve` starts it (durability check, migrations), with the generated country's registers.",
    '',
    '## Machine and method',
    '',
    ...machineLines(),
    '',
    `- Closed-loop benchmarks (floors, a–g): autocannon with ${options.connections} keep-alive connections, ` +
      `${options.warmupSeconds} s warm-up, then ${options.runs} runs of ${options.seconds} s; the tables give the median run ` +
      '(req/s, p50, p99) and the peak resident memory of the server process. (a), (b) and (d) run once more with ' +
      `${HIGH_CONNECTIONS} connections. "Statements per request" is the server's own count of the statements its database ` +
      'connection ran (kontakta_database_statements_total, begin and commit included) over the requests it answered in the measured runs.',
    `- The national mix (h): open loop (requests are sent at fixed average rates, Poisson arrivals, whatever the answers' ` +
      'speed; latency counts from when a request was due, so queueing counts), ' +
      `k raised through ${options.mixSteps.join(', ')} and held ${options.holdSeconds} s each after ${options.warmupSeconds} s ` +
      "at the step's rates that are not counted (the verdict column gives that warm-up's worst p99), until p99 passes 200 ms, " +
      'an error occurs, or the server falls more than 10 % behind a busy stream.',
    '- **Two cores for everything.** The load generator, the server and PostgreSQL share the same 2 cores, so every ' +
      'figure is lower than the server alone would reach; the tables show how many cores each used (server, PostgreSQL, ' +
      'load generator, and anything else on the machine, which is shared with other work: **bold** when that was over 0.2 cores).',
    '- Server settings: demo mode (`KONTAKTA_DEMO=true`, for the demo register and password login), the development e-ID ' +
      "provider in a process of its own as the issuer (as a broker is in production; its CPU is not the server's), " +
      'log level `warn`, the outbox worker off (in production it may run in its own process), login rate limit raised ' +
      '(all requests come from one address). Data keys, sealing and the access-log chain are the production code.',
    '',
  );

  add('## Headline', '', ...headline(results), '');

  add('## Data sets', '', ...datasetTable(input.datasets), '');

  for (const result of results) add(...suiteSection(result), '');

  add('## Cost curve', '', ...costCurve(results), '');

  add('## Targets', '', ...targets(results), '');

  add('## What limits throughput', '', ...findings(results), '');

  add('## What it would take', '', ...WHAT_IT_WOULD_TAKE, '');
  return `${lines.join('\n')}\n`;
}

function machineLines(): string[] {
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  const disk = (() => {
    try {
      return execFileSync('df', ['-h', '--output=source,fstype,size', '.'], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .at(-1);
    } catch {
      return 'unknown';
    }
  })();
  return [
    `- ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB RAM, ${os.type()} ${os.release()}, disk ${disk}`,
    `- Node ${process.version}; Kontakta's SQLite is Node's built-in \`node:sqlite\` (WAL with group commit: commits write the WAL, one fsync on a background thread covers all commits made meanwhile, and no response leaves before it; as durable as synchronous=FULL). The insert floor uses the same settings.`,
  ];
}

function headline(results: SuiteResult[]): string[] {
  const rows = [
    '| database | errands | send/s (a) | send ÷ insert floor | inbox/s (b) | unit inbox/s (c) | open errand/s (d) | access log/s (f) | reads ÷ JSON floor (worst) | national mix: largest k |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const floorJson = r.floors.json?.rate;
    const floorInsert = r.floors.insert?.rate;
    const reads = (['b1', 'c', 'd', 'f'] as const)
      .map((id) => r.scenarios[id]?.rate)
      .filter((x): x is number => x !== undefined);
    const worstRead = reads.length > 0 ? Math.min(...reads) : undefined;
    rows.push(
      `| ${r.dialect} | ${count(r.errands)} | ${num(r.scenarios.a?.rate)} | ${ratio(r.scenarios.a?.rate, floorInsert)} | ${num(r.scenarios.b1?.rate)} | ${num(r.scenarios.c?.rate)} | ${num(r.scenarios.d?.rate)} | ${num(r.scenarios.f?.rate)} | ${ratio(worstRead, floorJson)} | ${mixK(r)} |`,
    );
  }
  return rows;
}

function mixK(r: SuiteResult): string {
  const without = r.mixWithoutLogins ? `${mixFigure(r.mixWithoutLogins)} without logins` : undefined;
  const withLogins = r.mix && !('skipped' in r.mix) ? `${mixFigure(r.mix)} with logins` : undefined;
  const scaleOut = r.mixScaleOut
    ? `${mixFigure(r.mixScaleOut)} without logins on ${r.mixScaleOut.processes} processes`
    : undefined;
  return [withLogins, without, scaleOut].filter(Boolean).join(', ') || '–';
}

function datasetTable(datasets: Record<string, BenchMeta | undefined>): string[] {
  const rows = [
    'Generated by `npm run bench:data` through the storage layer: per-errand data keys and sealed content (AES-256-GCM), ' +
      "the access log's hash chain per unit, the errand history from the domain's state machine. 21 regions, care units " +
      'in proportion to population (one per 4 000 inhabitants), staff at every unit, citizens with a skewed number of errands.',
    '',
    '| data set | errands | citizens | units | staff | rows | time | errand batches | rows/s | disk |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const [name, meta] of Object.entries(datasets)) {
    const s = meta?.stats;
    if (!meta || !s) continue;
    const total = Object.values(s.rows).reduce((a, b) => a + b, 0);
    rows.push(
      `| ${name} | ${count(s.errands)} | ${count(s.citizens)} | ${count(s.units)} | ${count(s.staff)} | ${count(total)} | ${s.seconds} s | ${s.errandLoopPerSecond ?? '–'} errands/s | ${count(s.rowsPerSecond)} | ${(s.diskBytes / 1024 ** 3).toFixed(2)} GiB |`,
    );
  }
  const any = Object.values(datasets).find((m) => m?.stats)?.stats;
  if (any)
    rows.push(
      '',
      `Rows per table (last data set): ${Object.entries(any.rows)
        .map(([t, n]) => `${t} ${count(n)}`)
        .join(', ')}.`,
    );
  return rows;
}

function suiteSection(r: SuiteResult): string[] {
  const lines = [`## ${r.dialect}, ${count(r.errands)} errands`, ''];
  lines.push(
    `Settings: ${Object.entries(r.settings)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}.`,
    '',
  );
  lines.push(`Requests: ${r.poolNotes.join('; ')}.`, '');
  lines.push(
    '| benchmark | req/s | p50 ms | p99 ms | server RSS | cores: server / db / load / other | bound by | statements per request | floor | ratio to floor | errors |',
    '|---|---:|---:|---:|---:|---|---|---:|---|---:|---:|',
  );
  const profiled: Array<{ title: string; profile: ProfileSummary }> = [];
  const measured: Array<{ title: string; memory: MemoryComposition }> = [];
  const row = (title: string, f: Figure | undefined, floor: string, floorRate: number | undefined) => {
    if (!f) return;
    if (f.profile) profiled.push({ title, profile: f.profile });
    if (f.memory) measured.push({ title, memory: f.memory });
    const statements = f.statementsPerRequest === undefined ? '–' : f.statementsPerRequest.toFixed(1);
    lines.push(
      `| ${title} | ${num(f.rate)} | ${f.p50} | ${f.p99} | ${mb(f.peakRss)} | ${cores(f)} | ${boundBy(f)} | ${statements} | ${floor} | ${ratio(f.rate, floorRate)} | ${f.errors}${f.firstError ? ` (${f.firstError.slice(0, 80).replaceAll('|', '/')})` : ''} |`,
    );
  };
  row('floor: constant JSON (Fastify)', r.floors.json, '–', undefined);
  row('floor: durable single-row insert over HTTP', r.floors.insert, '–', undefined);
  for (const s of SCENARIOS) {
    const floor = s.floor === 'json' ? 'JSON' : 'insert';
    const floorRate = s.floor === 'json' ? r.floors.json?.rate : r.floors.insert?.rate;
    row(s.title, r.scenarios[s.id], floor, floorRate);
    row(`${s.title}, ${HIGH_CONNECTIONS} connections`, r.scenariosAtHighConcurrency?.[s.id], floor, floorRate);
  }
  if (r.logins && !('skipped' in r.logins))
    row('(g) complete e-ID login (logins/s, 8 at a time)', r.logins, '–', undefined);
  if (r.passwordLogins && !('skipped' in r.passwordLogins)) {
    row('(g) complete password + SMS code login (logins/s, 8 at a time)', r.passwordLogins, '–', undefined);
  }
  lines.push('', ...memorySection(measured), ...profileSection(profiled));
  const sends = [
    { figure: r.scenarios.a, connections: r.connections },
    { figure: r.scenariosAtHighConcurrency?.a, connections: HIGH_CONNECTIONS },
  ].flatMap(({ figure, connections }) =>
    figure ? [`${ratio(figure.rate, PEER_CREATES_PER_SECOND)} at ${connections} connections`] : [],
  );
  if (sends.length > 0) {
    lines.push(
      `(a) against the closest open-source peer, a FHIR server on PostgreSQL at ~${PEER_CREATES_PER_SECOND} creates/s on this kind of machine (issue 20): ${sends.join(', ')}.`,
      '',
    );
  }
  if (r.floors.commitOne !== undefined) {
    lines.push(
      `Database commit rate without HTTP: ${count(r.floors.commitOne)} single-row commits/s from one connection` +
        (r.floors.commitMany
          ? `, ${count(r.floors.commitMany.rate)}/s from ${r.floors.commitMany.clients} connections (group commit)`
          : '') +
        '.',
      '',
    );
  }
  if (r.logins && 'skipped' in r.logins) lines.push(`(g) e-ID logins: not measured: ${r.logins.skipped}.`, '');
  if (r.passwordLogins && 'skipped' in r.passwordLogins) {
    lines.push(`(g) password logins: not measured: ${r.passwordLogins.skipped}.`, '');
  }
  if (r.logins && !('skipped' in r.logins) && r.logins.loginSplit) {
    const split = r.logins.loginSplit;
    lines.push(
      `(g) one e-ID login is ${split.hops.toFixed(0)} HTTP requests; under this load ${split.kontaktaMs.toFixed(0)} ms of it were spent in ` +
        `Kontakta's own endpoints (start, and the callback with its token exchange) and ${split.providerMs.toFixed(0)} ms on the ` +
        "development provider's pages, which run in a process of their own (as the e-ID broker's do in production).",
      '',
    );
  }
  for (const mix of [r.mix, r.mixWithoutLogins, r.mixScaleOut]) {
    if (!mix || 'skipped' in mix) continue;
    const processes = (mix.processes ?? 1) > 1 ? ` on ${mix.processes} server processes (scale-out)` : '';
    lines.push(
      `### (h) national mix ${mix.withLogins ? 'with' : 'without'} logins${processes}, ${r.dialect}, ${count(r.errands)} errands`,
      '',
      `Per k: ${mix.withLogins ? `${NATIONAL_PEAK.logins}·k complete e-ID logins/s (through the development provider, in a process of its own), ` : 'no logins, '}` +
        `${NATIONAL_PEAK.send}·k sends, ${NATIONAL_PEAK.citizenInbox}·k citizen inbox reads, ${NATIONAL_PEAK.staffReads}·k staff reads ` +
        `(half unit inbox, half opening an errand), ${NATIONAL_PEAK.answers}·k answers per second; held ${mix.holdSeconds} s.`,
      '',
      '| k | verdict | stream: achieved/s (target) p50/p99 ms | server RSS | cores: server / db / load / other | event loop late, p99 / max ms: server; load generator | inside the server: requests over 200 ms, slowest route p99; pool waits |',
      '|---:|---|---|---:|---|---:|---|',
    );
    const shown = mix.confirmed
      ? [
          ...mix.steps,
          ...(mix.confirmed.attempts ?? [mix.confirmed.step]).map((step) => ({ ...step, confirmation: true })),
        ]
      : mix.steps;
    for (const step of shown as Array<(typeof mix.steps)[number] & { confirmation?: boolean }>) {
      const streams = step.streams
        .map(
          (s) => `${s.name}: ${num(s.rate)} (${s.target}) ${s.p50}/${s.p99}${s.errors ? `, ${s.errors} errors` : ''}`,
        )
        .join('<br>');
      lines.push(
        `| ${step.k}${step.confirmation ? ` (${mix.confirmed?.seconds} s)` : ''} | ${step.held ? 'held' : `**failed**: ${step.reason.replaceAll('|', '/')}`}${warmedUp(step)} | ${streams} | ${mb(step.peakRss)} | ${cores(step)} | ${lateLoops(step)} | ${insideServer(step)} |`,
      );
    }
    const activities = (shown as MixStep[]).filter((step) => step.postgresActivity);
    if (activities.length > 0)
      lines.push(
        '',
        'PostgreSQL\'s connections during each step (`pg_stat_activity` every 20 ms; "waiting for Kontakta" is a transaction waiting for the server\'s next statement):',
        ...activities.map((step) => `- k = ${step.k}: ${describeActivity(step.postgresActivity as PostgresActivity)}`),
      );
    const firstErrors = mix.steps.flatMap((s) =>
      s.streams.filter((x) => x.firstError).map((x) => `k=${s.k} ${x.name}: ${x.firstError}`),
    );
    if (firstErrors.length > 0)
      lines.push('', 'First errors: ', ...firstErrors.slice(0, 5).map((e) => `- \`${e.slice(0, 200)}\``));
    lines.push(
      '',
      mix.confirmed
        ? `Largest k held ${mix.holdSeconds} s: ${mix.largestK}; held ${mix.confirmed.seconds} s: **${mix.confirmed.k}**.`
        : `Largest k held: **${mix.largestK}**.`,
      '',
    );
  }
  if (r.retention) lines.push(...retentionSection(r.retention, r.dialect, r.errands), '');
  if (r.statistics) lines.push(...statisticsSection(r.statistics));
  return lines;
}

/** The warm-up before a step's hold, which is not counted: its worst stream's p99, and any errors. */
function warmedUp(step: MixStep): string {
  const w = step.warmup;
  if (!w) return '';
  return `<br>warm-up ${w.seconds} s, not counted: worst p99 ${w.p99} ms (${w.stream})${w.errors ? `, ${w.errors} errors` : ''}`;
}

function lateLoops(step: MixStep): string {
  const late = (delay?: { p99: number; max: number }) =>
    delay ? `${delay.p99.toFixed(0)} / ${delay.max.toFixed(0)}` : '–';
  return `${late(step.loopDelay)}; ${late(step.loadLoopDelay)}`;
}

/**
 * The mix step as the server saw it: how many requests took over 200 ms from arrival to response,
 * the slowest route's p99 (a histogram bucket's upper bound), and how often a request waited for a
 * pooled PostgreSQL connection. Against the streams' p99 this says where the time went.
 */
function insideServer(step: MixStep): string {
  if (!step.serverTimes) return '–';
  const routes = step.serverTimes.flatMap((times) => times.routes);
  const requests = routes.reduce((sum, route) => sum + route.requests, 0);
  const over = routes.reduce((sum, route) => sum + route.over200ms, 0);
  const slowest = routes
    .filter((route) => route.requests >= 100)
    .reduce<(typeof routes)[number] | undefined>(
      (worst, route) => (!worst || route.p99AtMostMs > worst.p99AtMostMs ? route : worst),
      undefined,
    );
  const parts = [`${count(over)} of ${count(requests)}`];
  if (slowest) parts.push(`${slowest.route} ≤ ${slowest.p99AtMostMs} ms`);
  const pools = step.serverTimes.flatMap((times) => (times.pool ? [times.pool] : []));
  if (pools.length > 0)
    parts.push(
      `pool: waited ${pct(Math.max(...pools.map((p) => p.waitingShare)))} of the time (all busy ${pct(Math.max(...pools.map((p) => p.allBusyShare)))}), at most ${Math.max(...pools.map((p) => p.maxWaiting))} waiting`,
    );
  return parts.join('; ');
}

const pct = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)} %`;

function costCurve(results: SuiteResult[]): string[] {
  const lines: string[] = [];
  for (const dialect of [...new Set(results.map((r) => r.dialect))]) {
    const scales = results.filter((r) => r.dialect === dialect).sort((a, b) => a.errands - b.errands);
    if (scales.length === 0) continue;
    const smallest = scales[0] as SuiteResult;
    const largest = scales.at(-1) as SuiteResult;
    lines.push(
      `### ${dialect}`,
      '',
      `p99 in ms (req/s) at each scale; the last column is p99 at ${count(largest.errands)} ÷ p99 at ${count(smallest.errands)} (target ≤ 1.5).`,
      '',
      `| benchmark | ${scales.map((s) => count(s.errands)).join(' | ')} | ratio |`,
      `|---|${scales.map(() => '---:').join('|')}|---:|`,
    );
    for (const id of COST_CURVE) {
      const title = SCENARIOS.find((s) => s.id === id)?.title ?? id;
      const cells = scales.map((s) => {
        const f = s.scenarios[id];
        return f ? `${f.p99} (${num(f.rate)})` : '–';
      });
      const first = smallest.scenarios[id]?.p99;
      const last = largest.scenarios[id]?.p99;
      const r = first && last ? last / first : undefined;
      lines.push(
        `| ${title} | ${cells.join(' | ')} | ${r === undefined ? '–' : `${r.toFixed(2)}${r > 1.5 ? ' **over**' : ''}`} |`,
      );
    }
    lines.push('');
    const plans = largest.plans ?? [];
    if (plans.length > 0) {
      lines.push(
        `<details><summary>Query plans at ${count(largest.errands)} errands (${dialect}), for the busiest unit and a heavy user</summary>`,
        '',
      );
      for (const plan of plans) lines.push(`**${plan.name}**`, '', '```', plan.sql, '', plan.plan, '```', '');
      lines.push('</details>', '');
    }
  }
  return lines;
}

function targets(results: SuiteResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    const prefix = `${r.dialect}, ${count(r.errands)}:`;
    const send = r.scenarios.a?.rate;
    const insert = r.floors.insert?.rate;
    if (send !== undefined && insert) {
      const ok = send >= insert / 2;
      lines.push(
        `- ${prefix} send ≥ ½ durable insert floor: ${ok ? 'met' : '**missed**'} (${num(send)} vs ${num(insert)}/s, ${ratio(send, insert)}).`,
      );
    }
    const json = r.floors.json?.rate;
    for (const id of ['b1', 'b2', 'c', 'd', 'f'] as const) {
      const f = r.scenarios[id];
      if (!f || !json) continue;
      const ok = f.rate >= json / 4;
      const title = SCENARIOS.find((s) => s.id === id)?.title ?? id;
      lines.push(`- ${prefix} ${title} ≥ ¼ JSON floor: ${ok ? 'met' : '**missed**'} (${ratio(f.rate, json)}).`);
    }
    for (const mix of [r.mix, r.mixWithoutLogins, r.mixScaleOut]) {
      if (!mix || 'skipped' in mix) continue;
      const processes = (mix.processes ?? 1) > 1 ? ` on ${mix.processes} processes` : '';
      lines.push(
        `- ${prefix} national mix ${mix.withLogins ? 'with e-ID logins' : 'without logins'}${processes} k ≥ ${mixTarget(r)}: ${mixK60(mix) >= mixTarget(r) ? 'met' : '**missed**'} (k = ${mixFigure(mix)}).`,
      );
    }
    lines.push(...performanceTargets(r, prefix));
    if (r.retention) lines.push(`- ${prefix} ${retentionTarget(r.retention)}`);
    if (r.statistics) lines.push(`- ${prefix} ${statisticsTarget(r.statistics)}`);
    if (r.mixScaleOut && r.mixWithoutLogins) {
      const one = mixK60(r.mixWithoutLogins);
      const two = mixK60(r.mixScaleOut);
      lines.push(
        `- ${prefix} scale-out: ${r.mixScaleOut.processes} processes hold k = ${two}, one process k = ${one}${one > 0 ? ` (${(two / one).toFixed(2)}×)` : ''}.`,
      );
    }
  }
  return lines;
}

/** The national mix's k to hold (issue 20 pt 4). */
function mixTarget(r: SuiteResult): number {
  return r.dialect === 'sqlite' ? 10 : 5;
}

/** Issue 20's targets for one process on this machine, where the data set has the figure. */
function performanceTargets(r: SuiteResult, prefix: string): string[] {
  const lines: string[] = [];
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  const sqlite = r.dialect === 'sqlite';
  const send = r.scenariosAtHighConcurrency.a;
  if (send) {
    const target = sqlite ? 2000 : 1000;
    lines.push(
      `- ${prefix} send ≥ ${count(target)}/s at ${HIGH_CONNECTIONS} connections, p99 ≤ 100 ms: ${verdict(send.rate >= target && send.p99 <= 100)} (${num(send.rate)}/s, p99 ${send.p99} ms).`,
    );
  }
  const opens = [r.scenarios.d, r.scenariosAtHighConcurrency.d].filter((f) => f !== undefined);
  if (sqlite && opens.length > 0) {
    const best = Math.max(...opens.map((f) => f.rate));
    lines.push(`- ${prefix} receiver opens ≥ 1 500/s: ${verdict(best >= 1500)} (${num(best)}/s at best).`);
  }
  const inbox = r.scenarios.b1;
  if (inbox && r.errands >= 1_000_000) {
    lines.push(
      `- ${prefix} citizen inbox at 1 M errands ≥ 3 000/s, p99 ≤ 30 ms: ${verdict(inbox.rate >= 3000 && inbox.p99 <= 30)} (${num(inbox.rate)}/s, p99 ${inbox.p99} ms).`,
    );
  }
  if (r.logins && !('skipped' in r.logins) && r.logins.rate > 0) {
    // The provider and the load generator share the cores, so the figure is logins per second of
    // the server's own CPU: what one core of Kontakta would do with the broker elsewhere.
    const perCore = r.logins.rate / Math.max(r.logins.serverCores, 0.01);
    lines.push(
      `- ${prefix} e-ID logins, Kontakta's part ≥ 300/s: ${verdict(perCore >= 300)} (${num(perCore)} logins per second of server CPU: ${num(r.logins.rate)}/s at ${r.logins.serverCores.toFixed(2)} cores).`,
    );
  }
  const peaks = [...Object.values(r.scenarios), ...Object.values(r.scenariosAtHighConcurrency)]
    .filter((f) => f !== undefined)
    .map((f) => f.peakRss);
  if (peaks.length > 0) {
    const peak = Math.max(...peaks);
    lines.push(
      `- ${prefix} server memory ≤ 200 MiB under (a)–(f): ${verdict(peak <= 200 * 1024 ** 2)} (peak ${Math.round(peak / 1024 ** 2)} MiB).`,
    );
  }
  return lines;
}

/** The peer's creates per second on this kind of machine, as issue 20 measured it. */
const PEER_CREATES_PER_SECOND = 400;

function num(value: number | undefined): string {
  if (value === undefined) return '–';
  return value >= 100 ? count(Math.round(value)) : value.toFixed(1);
}

function count(value: number): string {
  return value.toLocaleString('en-US').replaceAll(',', ' ');
}

function ratio(value: number | undefined, floor: number | undefined): string {
  return value === undefined || !floor ? '–' : `${(value / floor).toFixed(2)}`;
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 ** 2)} MB`;
}

function minutes(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / 60_000);
}

function cores(f: { serverCores: number; databaseCores: number; loadCores: number; otherCores: number }): string {
  const other = f.otherCores >= 0.2 ? `**${f.otherCores.toFixed(2)}**` : f.otherCores.toFixed(2);
  return `${f.serverCores.toFixed(2)} / ${f.databaseCores.toFixed(2)} / ${f.loadCores.toFixed(2)} / ${other}`;
}

/**
 * What held a closed-loop benchmark back, read from where the CPU time went: the machine's two
 * cores all busy, the server's one event loop busy, or neither (waiting on fsync or locks).
 */
function boundBy(f: { serverCores: number; databaseCores: number; loadCores: number; otherCores: number }): string {
  const total = f.serverCores + f.databaseCores + f.loadCores + f.otherCores;
  if (f.serverCores >= 0.9) return 'server thread';
  if (total >= 1.8) return 'both cores';
  return 'waiting (fsync, locks)';
}

/** The k the mix held: for the full hold when it was confirmed, else for the ramp's hold. */
function mixK60(mix: MixResult): number {
  return mix.confirmed ? mix.confirmed.k : mix.largestK;
}

function mixFigure(mix: MixResult): string {
  return mix.confirmed ? `${mix.confirmed.k} (${mix.confirmed.seconds} s)` : `${mix.largestK} (${mix.holdSeconds} s)`;
}

/** Observations read off the figures: where the CPU went when each kind of work topped out. */
function findings(results: SuiteResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    const prefix = `**${r.dialect}, ${count(r.errands)}:**`;
    const reads = (['b1', 'c', 'f'] as const).map((id) => r.scenarios[id]).filter((f): f is Figure => f !== undefined);
    if (reads.length > 0) {
      const server = Math.max(...reads.map((f) => f.serverCores));
      const database = Math.max(...reads.map((f) => f.databaseCores));
      const load = Math.max(...reads.map((f) => f.loadCores));
      lines.push(
        `- ${prefix} reads top out at ${num(Math.min(...reads.map((f) => f.rate)))}–${num(Math.max(...reads.map((f) => f.rate)))} req/s with the server at ${server.toFixed(2)} cores` +
          (r.dialect === 'postgres' ? `, PostgreSQL at ${database.toFixed(2)}` : '') +
          ` and the load generator at ${load.toFixed(2)}: ` +
          (server >= 0.9
            ? "the server's one event loop is full (Fastify, the session lookup and four to six queries per request; node:sqlite runs them on that same thread)."
            : 'the two cores are shared out between the server, the database and the load generator.'),
      );
    }
    const send = r.scenarios.a;
    if (send && r.floors.insert) {
      lines.push(
        `- ${prefix} sending reaches ${ratio(send.rate, r.floors.insert.rate)} of the one-row insert floor: a send is a session lookup, the form version, validation, a new data key and sealing, and a transaction of four inserts` +
          (r.dialect === 'sqlite'
            ? `; the floor's insert is one statement and shares its fsync with 15 others (group commit), while a send spends about ${((send.serverCores / Math.max(send.rate, 1)) * 1000).toFixed(1)} ms of the server's one thread (one client's durable commit rate: ${count(r.floors.commitOne ?? 0)}/s).`
            : `, each statement a round trip to PostgreSQL (${count(r.floors.commitOne ?? 0)} commits/s from one connection, ${count(r.floors.commitMany?.rate ?? 0)}/s from ${r.floors.commitMany?.clients ?? 0}).`),
      );
    }
    if (r.logins && !('skipped' in r.logins)) {
      const split = r.logins.loginSplit;
      lines.push(
        `- ${prefix} a complete e-ID login costs the server about ${((r.logins.serverCores / Math.max(r.logins.rate, 1)) * 1000).toFixed(1)} ms of CPU` +
          (split
            ? ` (${split.kontaktaMs.toFixed(0)} ms of its latency in Kontakta's start and callback, ${split.providerMs.toFixed(0)} ms on the development provider's pages in the same process)`
            : '') +
          (r.passwordLogins && !('skipped' in r.passwordLogins)
            ? `; a password + SMS code login about ${((r.passwordLogins.serverCores / Math.max(r.passwordLogins.rate, 1)) * 1000).toFixed(0)} ms (two argon2id verifications at 19 MiB per password step, by design).`
            : '.'),
      );
    }
    for (const mix of [r.mixWithoutLogins, r.mix, r.mixScaleOut]) {
      if (!mix || 'skipped' in mix) continue;
      const failed = [...mix.steps, ...(mix.confirmed?.attempts ?? [])].find((s) => !s.held);
      if (!failed) continue;
      const processes = (mix.processes ?? 1) > 1 ? ` on ${mix.processes} processes` : '';
      lines.push(
        `- ${prefix} the mix ${mix.withLogins ? 'with' : 'without'} logins${processes} broke at k = ${failed.k} with the server${processes ? 's' : ''} at ${failed.serverCores.toFixed(2)} cores` +
          (r.dialect === 'postgres' ? `, PostgreSQL at ${failed.databaseCores.toFixed(2)}` : '') +
          `, the load generator at ${failed.loadCores.toFixed(2)}: ${failed.reason.split('; ').slice(0, 3).join('; ')}.`,
      );
    }
  }
  return lines;
}
