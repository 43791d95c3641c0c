import { parseArgs } from 'node:util';
import { measureStatistics, statisticsTarget } from './harness/statistics-benchmark.ts';

// `npm run bench:statistics -- [--db sqlite,postgres] [--errands 1000000] [--units 300] [--iterations 200]`
// Issue 16 pt 5: the statistics page of a region whose rollup rows represent a million errands
// must answer in under 100 ms p99 (harness/statistics-benchmark.ts writes the data and measures;
// `npm run bench -- --only stats` runs the same at the benchmark's data set sizes).

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite,postgres' },
    errands: { type: 'string', default: '1000000' },
    units: { type: 'string', default: '300' },
    // Enough calls that the p99 is not simply the slowest of them (of 40 it would be).
    iterations: { type: 'string', default: '200' },
  },
});

const output: string[] = [];
const targets: string[] = [];
for (const dialect of values.db.split(',')) {
  if (dialect !== 'sqlite' && dialect !== 'postgres') throw new Error(`--db: ${dialect} is not sqlite or postgres`);
  const result = await measureStatistics({
    dialect,
    errands: Number(values.errands),
    units: Number(values.units),
    iterations: Number(values.iterations),
    log: (line) => process.stderr.write(`${dialect} ${line}\n`),
  });
  output.push(
    `${dialect}: ${result.rows} rollup rows for ${result.errands} errands at ${result.units} units, written in ${result.fillSeconds.toFixed(0)} s`,
  );
  output.push(
    ...result.shapes.map(
      (s) => `| ${dialect} | ${s.name} | ${s.p50.toFixed(1)} | ${s.p99.toFixed(1)} | ${s.max.toFixed(1)} |`,
    ),
  );
  targets.push(`${dialect}: ${statisticsTarget(result)}`);
}
process.stdout.write(
  `${['| db | query | p50 ms | p99 ms | max ms |', '|---|---|---|---|---|', ...output, '', ...targets].join('\n')}\n`,
);
