import { parseArgs } from 'node:util';

// `npm run bench:data -- --errands 100000 [--db sqlite|postgres] [--out folder] [--seed n]`
// Generates a national data set for the benchmarks; see bench/README.md.

const { values } = parseArgs({
  options: {
    errands: { type: 'string', default: '10000' },
    db: { type: 'string', default: 'sqlite' },
    out: { type: 'string' },
    seed: { type: 'string' },
    batch: { type: 'string', default: '1000' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  process.stdout.write(`Usage: npm run bench:data -- [options]
Generates a national data set for the benchmarks (see bench/README.md).

  --errands <n>          errands to generate; 10k, 100k and 1M are understood (default: 10000)
  --db sqlite|postgres   database (default: sqlite)
  --out <folder>         where to write it (default: data/bench/<db>-<errands>/)
  --seed <n>             seed of the generator (default: the fixed one the reports use)
  --batch <n>            errands per transaction (default: 1000)
  -h, --help             this text
`);
  process.exit(0);
}

// Loaded after the options so that --help answers without loading the server.
const { defaultDatasetDir } = await import('./generator/bench-dataset.ts');
const { DEFAULT_SEED, generateDataset } = await import('./generator/data-generator.ts');

const errands = Number(values.errands.replace(/_/g, '').replace(/k$/i, '000').replace(/M$/, '000000'));
if (!Number.isInteger(errands) || errands < 1) throw new Error('--errands must be a positive whole number');
if (values.db !== 'sqlite' && values.db !== 'postgres') throw new Error('--db must be sqlite or postgres');
const dialect = values.db;
const dir = values.out ?? defaultDatasetDir(dialect, errands);
const say = (line: string) => process.stdout.write(`${line}\n`);

say(`Generating ${errands} errands on ${dialect} in ${dir}`);
const meta = await generateDataset({
  errands,
  dialect,
  dir,
  seed: values.seed === undefined ? DEFAULT_SEED : Number(values.seed),
  batchSize: Number(values.batch),
  log: (line) => say(`  ${line}`),
});
const stats = meta.stats;
if (stats) {
  say(`Done in ${stats.seconds} s: ${stats.errandsPerSecond} errands/s, ${stats.rowsPerSecond} rows/s`);
  say(
    `Rows: ${Object.entries(stats.rows)
      .map(([table, n]) => `${table} ${n}`)
      .join(', ')}`,
  );
  say(`Disk: ${(stats.diskBytes / 1024 ** 3).toFixed(2)} GiB in ${dir}`);
}
