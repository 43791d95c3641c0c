import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { SuiteResult } from './harness/benchmark-suite.ts';

// `npm run bench -- [--quick] [--db sqlite,postgres] [--scales 10k,100k,1M] [--only a,b,c,...]`
// Runs the benchmarks over real HTTP on loopback and writes bench/results/<date>-<machine>.md.
// Data sets come from `npm run bench:data`; missing ones are generated first. See bench/README.md.

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    db: { type: 'string', default: 'sqlite,postgres' },
    scales: { type: 'string', default: '10k,100k' },
    only: { type: 'string' },
    connections: { type: 'string', default: '16' },
    pool: { type: 'string', default: '10' },
    seconds: { type: 'string' },
    runs: { type: 'string' },
    hold: { type: 'string' },
    confirm: { type: 'string', default: '60' },
    sets: { type: 'string' },
    steps: { type: 'string' },
    expire: { type: 'string' },
    out: { type: 'string' },
    profile: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  process.stdout.write(`Usage: npm run bench -- [options]
Runs the benchmarks over real HTTP on loopback and writes a report to bench/results/.
Missing data sets are generated first (see npm run bench:data and bench/README.md).

  --quick                    3 runs of 5 s and 15 s holds (otherwise 5 runs of 15 s, 60 s holds)
  --db sqlite,postgres       databases to measure (default: both)
  --scales 10k,100k          data set sizes in errands (default: 10k,100k)
  --sets sqlite:10k,...      data sets one by one instead of --db x --scales
  --only a,b,...             benchmarks to run: a,b,c,d,e,f,g,h,scale,floors,plans,i,stats
  --connections <n>          concurrent connections (default: 16)
  --pool <n>                 the server's database pool size (KONTAKTA_DATABASE_POOL_SIZE; default:
                             10, the server's own default)
  --seconds <s>, --runs <n>  length and number of runs per measurement
  --hold <s>, --confirm <s>  hold of each step of the national mix; hold confirming the largest k (60)
  --steps 1,2,3,...          the k of the national mix
  --expire <n>               (i) errands expired before the retention run (default 100000,
                             --quick 5000; at most half the data set)
  --profile                  profile the server during each benchmark: top cost centres in the
                             report, V8 CPU profiles in data/bench/logs/profiles/
  --out <file>               where to write the report
  -h, --help                 this text
`);
  process.exit(0);
}

// Loaded after the options so that --help answers without loading the server.
const { BENCH_DATA_ROOT, defaultDatasetDir, readMeta } = await import('./generator/bench-dataset.ts');
const { generateDataset } = await import('./generator/data-generator.ts');
const { openBenchSession } = await import('./harness/bench-session.ts');
const { runSuite } = await import('./harness/benchmark-suite.ts');
const { writeReport } = await import('./harness/report-writer.ts');

const quick = values.quick;
const options = {
  connections: Number(values.connections),
  seconds: Number(values.seconds ?? (quick ? 5 : 15)),
  runs: Number(values.runs ?? (quick ? 3 : 5)),
  warmupSeconds: quick ? 2 : 5,
  holdSeconds: Number(values.hold ?? (quick ? 15 : 60)),
  confirmSeconds: Number(values.confirm),
  mixSteps: (values.steps ?? '1,2,3,4,5,6,8,10,12,15,20,30,40').split(',').map(Number),
  expire: Number(values.expire ?? (quick ? 5000 : 100_000)),
  only: values.only ? new Set(values.only.split(',')) : undefined,
};
const say = (line: string) => process.stdout.write(`${line}\n`);
const parseScale = (text: string) => Number(text.replace(/_/g, '').replace(/k$/i, '000').replace(/M$/, '000000'));
const dialects = values.db.split(',') as Array<'sqlite' | 'postgres'>;
const scales = values.scales.split(',').map(parseScale);
// `--sets sqlite:10k,sqlite:1M,postgres:100k` picks data sets one by one instead of db × scales.
const sets: Array<{ dialect: 'sqlite' | 'postgres'; errands: number }> = values.sets
  ? values.sets.split(',').map((set) => {
      const [dialect, scale] = set.split(':');
      if (dialect !== 'sqlite' && dialect !== 'postgres') throw new Error(`--sets: unknown database in ${set}`);
      return { dialect, errands: parseScale(scale ?? '') };
    })
  : dialects.flatMap((dialect) => scales.map((errands) => ({ dialect, errands })));
const logDir = path.join(BENCH_DATA_ROOT, 'logs');
fs.mkdirSync(logDir, { recursive: true });

const started = new Date();
const results: SuiteResult[] = [];
for (const { dialect, errands } of sets) {
  const dir = defaultDatasetDir(dialect, errands);
  if (!readMeta(dir)) {
    say(`No ${dialect} data set with ${errands} errands: generating it`);
    await generateDataset({ errands, dialect, dir, log: (line) => say(`  ${line}`) });
  }
  say(`== ${dialect}, ${errands} errands`);
  const session = await openBenchSession(dir, {
    poolSize: Number(values.pool),
    logDir,
    log: (line) => say(`  ${line}`),
    profileDir: values.profile ? path.join(logDir, 'profiles') : undefined,
  });
  try {
    const result = await runSuite(session, { ...options, log: (line) => say(`  ${line}`) });
    results.push(result);
    fs.writeFileSync(path.join(logDir, `result-${dialect}-${errands}.json`), JSON.stringify(result, null, 2));
  } finally {
    await session.close();
  }
}

const datasets = Object.fromEntries(
  sets.map(({ dialect, errands }) => [`${dialect}-${errands}`, readMeta(defaultDatasetDir(dialect, errands))]),
);
const file =
  values.out ?? path.join(import.meta.dirname, 'results', `${started.toISOString().slice(0, 10)}-${os.hostname()}.md`);
writeReport(file, { started, finished: new Date(), quick, options, results, datasets });
say(`Report: ${path.relative(process.cwd(), file)}`);
