import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../../packages/server/src/config/config.ts';
import { type Database, type Dialect, openDatabase } from '../../packages/server/src/storage/database.ts';
import { type BenchPostgres, startBenchPostgres } from './bench-postgres.ts';

// Where a generated data set lives and what is known about it. One folder per data set:
// `meta.json`, and either `kontakta.sqlite` or a PostgreSQL data directory `pg/`.

export type GenerationStats = {
  seconds: number;
  errands: number;
  citizens: number;
  units: number;
  staff: number;
  rows: Record<string, number>;
  rowsPerSecond: number;
  errandsPerSecond: number;
  /** The errand batches alone, without the organisation and citizens. */
  errandLoopSeconds: number;
  errandLoopPerSecond: number;
  diskBytes: number;
};

export type BenchMeta = {
  version: 1;
  dialect: Dialect;
  seed: number;
  /** The organisation's density (national: 4000; tests use fewer, larger units). */
  inhabitantsPerUnit: number;
  errands: number;
  citizens: number;
  /** `id:base64`, the master key the data keys are wrapped with (throw-away benchmark data). */
  masterKey: string;
  /** The generator's "now": errands span the two years before it. */
  now: number;
  generatedAt: string;
  stats?: GenerationStats;
};

export const BENCH_DATA_ROOT = path.resolve(import.meta.dirname, '../../data/bench');

export function defaultDatasetDir(dialect: Dialect, errands: number): string {
  return path.join(BENCH_DATA_ROOT, `${dialect}-${scaleLabel(errands)}`);
}

export function scaleLabel(errands: number): string {
  if (errands >= 1_000_000 && errands % 1_000_000 === 0) return `${errands / 1_000_000}M`;
  if (errands >= 1000 && errands % 1000 === 0) return `${errands / 1000}k`;
  return String(errands);
}

export function readMeta(dir: string): BenchMeta | undefined {
  const file = path.join(dir, 'meta.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as BenchMeta) : undefined;
}

export function writeMeta(dir: string, meta: BenchMeta): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`, { mode: 0o600 });
}

export type OpenDataset = {
  database: Database;
  config: DatabaseConfig;
  postgres: BenchPostgres | undefined;
  /** Closes the connection and stops PostgreSQL when this call started it. */
  close(): Promise<void>;
};

/**
 * Opens a data set's database with Kontakta's own storage settings. `fresh` empties it first.
 * PostgreSQL is started from the folder's data directory (and stopped by close) unless
 * `postgres` is given.
 */
export async function openDataset(
  dir: string,
  dialect: Dialect,
  options: { fresh?: boolean; postgres?: BenchPostgres; poolSize?: number } = {},
): Promise<OpenDataset> {
  if (dialect === 'sqlite') {
    const file = path.join(dir, 'kontakta.sqlite');
    if (options.fresh) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    fs.mkdirSync(dir, { recursive: true });
    const config: DatabaseConfig = { dialect: 'sqlite', file };
    const database = openDatabase(config);
    return { database, config, postgres: undefined, close: () => database.close() };
  }
  if (options.fresh && !options.postgres) fs.rmSync(path.join(dir, 'pg'), { recursive: true, force: true });
  const postgres = options.postgres ?? (await startBenchPostgres(path.join(dir, 'pg')));
  if (options.fresh) {
    const admin = new pg.Client({ connectionString: postgres.url('postgres') });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS kontakta WITH (FORCE)');
    await admin.query('CREATE DATABASE kontakta');
    await admin.end();
  }
  const config: DatabaseConfig = {
    dialect: 'postgres',
    url: postgres.url('kontakta'),
    poolSize: options.poolSize ?? 10,
  };
  const database = openDatabase(config);
  return {
    database,
    config,
    postgres,
    async close() {
      await database.close();
      if (!options.postgres) postgres.stop();
    },
  };
}

/** Bytes on disk under a folder (the database files, WAL included). */
export function diskUsage(dir: string): number {
  let total = 0;
  const walk = (p: string) => {
    const stat = fs.lstatSync(p);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p)) walk(path.join(p, entry));
    else total += stat.blocks * 512;
  };
  if (fs.existsSync(dir)) walk(dir);
  return total;
}
