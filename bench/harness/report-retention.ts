import type { Figure } from './load-runner.ts';
import type { RetentionResult } from './retention-benchmark.ts';

// The report's part for benchmark (i): the citizen inbox with and without a retention run going
// on in the server process, and how fast the run deleted (issue 15, point 7).

/** The inbox during deletion may be at most this much slower at p99 than without, and never over 200 ms. */
export const RETENTION_P99_RATIO_LIMIT = 2;
export const RETENTION_P99_LIMIT_MS = 200;

export function retentionSection(r: RetentionResult, dialect: string, errands: number): string[] {
  const inside = r.during.windows.filter((w) => w.inside).length;
  const lines = [
    `### (i) citizen inbox during a retention run, ${dialect}, ${count(errands)} errands`,
    '',
    `${count(r.expired)} errands expired (the oldest; ${count(r.kept)} kept), deleted by the retention job running inside the ` +
      'server process on its own connection (as the hourly scheduled job does), while the load of (b) runs. ' +
      `"During" is the median of the ${r.windowSeconds} s windows that lay wholly inside the run (${inside} of ${r.during.windows.length})` +
      (r.during.partial ? '; **none did, so the windows that overlapped it are shown**' : '') +
      '.',
    '',
    '| inbox (b) | req/s | p50 ms | p99 ms | worst window p99 ms | cores: server / db / load / other | errors |',
    '|---|---:|---:|---:|---:|---|---:|',
    row('normal', r.normal, undefined),
    row('during deletion', r.during, r.during.worstP99),
    '',
    `Deletion: ${count(r.deletion.deleted)} errands in ${r.deletion.seconds.toFixed(1)} s, ` +
      `**${num(r.deletion.perSecond)} errands/s** under the inbox load (job ${r.deletion.result}` +
      `${r.deletion.error ? `: ${r.deletion.error}` : ''}). ` +
      `p99 during ÷ normal: **${ratio(r.during.p99, r.normal.p99)}**; req/s during ÷ normal: ${ratio(r.during.rate, r.normal.rate)}.`,
    '',
    `Windows (req/s, p50/p99 ms): ${r.during.windows
      .map(
        (w) =>
          `${num(w.rate)} ${w.unanswered ? `**none answered in ${r.windowSeconds} s**` : `${w.p50}/${w.p99}`}` +
          `${w.inside ? '' : ' (run ended)'}${w.errors ? ` ${w.errors} errors` : ''}`,
      )
      .join('; ')}.`,
    '',
  ];
  for (const plan of r.plans) {
    lines.push(`**${plan.name}** (the expiry lookup):`, '', '```', plan.sql, '', plan.plan, '```', '');
  }
  return lines;
}

export function retentionTarget(r: RetentionResult): string {
  const blocked = r.during.windows.filter((w) => w.unanswered).length;
  const ok =
    blocked === 0 &&
    r.during.p99 <= RETENTION_P99_RATIO_LIMIT * r.normal.p99 &&
    r.during.p99 <= RETENTION_P99_LIMIT_MS &&
    r.during.errors === 0;
  return (
    `inbox p99 during a retention run ≤ ${RETENTION_P99_RATIO_LIMIT}× normal and ≤ ${RETENTION_P99_LIMIT_MS} ms: ` +
    `${ok ? 'met' : '**missed**'} (${r.during.p99} vs ${r.normal.p99} ms, ${ratio(r.during.p99, r.normal.p99)}×; ` +
    `${num(r.deletion.perSecond)} errands/s deleted${blocked > 0 ? `; **${blocked} window(s) with no answer at all**` : ''}).`
  );
}

function row(title: string, f: Figure, worst: number | undefined): string {
  const other = f.otherCores >= 0.2 ? `**${f.otherCores.toFixed(2)}**` : f.otherCores.toFixed(2);
  return (
    `| ${title} | ${num(f.rate)} | ${f.p50} | ${f.p99} | ${worst ?? '–'} | ` +
    `${f.serverCores.toFixed(2)} / ${f.databaseCores.toFixed(2)} / ${f.loadCores.toFixed(2)} / ${other} | ${f.errors} |`
  );
}

function num(value: number): string {
  return value >= 100 ? count(Math.round(value)) : value.toFixed(1);
}

function count(value: number): string {
  return value.toLocaleString('en-US').replaceAll(',', ' ');
}

function ratio(value: number, base: number): string {
  return base > 0 ? (value / base).toFixed(2) : '–';
}
