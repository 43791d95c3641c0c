import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * A PostgreSQL server for benchmark data that outlives one run: Debian's binaries, a data
 * directory kept on disk beside the benchmark's other files, 127.0.0.1 only. Durability is as in
 * production (fsync, synchronous_commit, full_page_writes on); memory settings are the usual
 * ones for a dedicated 24 GB machine.
 */
export const POSTGRES_SETTINGS: Readonly<Record<string, string>> = {
  fsync: 'on',
  synchronous_commit: 'on',
  full_page_writes: 'on',
  shared_buffers: '4GB',
  effective_cache_size: '12GB',
  work_mem: '16MB',
  maintenance_work_mem: '1GB',
  max_wal_size: '8GB',
  checkpoint_timeout: '15min',
  random_page_cost: '1.1',
  max_connections: '200',
};

export type BenchPostgres = { url(database: string): string; version: string; stop(): void };

export async function startBenchPostgres(directory: string): Promise<BenchPostgres> {
  const dataDir = path.resolve(directory);
  const bin = findPostgresBin();
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : path.join(bin, tool);
    const fullArgs = asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args;
    const result = spawnSync(command, fullArgs, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
    return result.stdout;
  };
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(dataDir, { recursive: true });
    if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dataDir]);
    run('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C']);
  }
  // A crash of an earlier run can leave the server up; stop it so the settings below apply.
  if (fs.existsSync(path.join(dataDir, 'postmaster.pid'))) {
    spawnSync(asRoot ? 'runuser' : path.join(bin, 'pg_ctl'), [
      ...(asRoot ? ['-u', 'postgres', '--', path.join(bin, 'pg_ctl')] : []),
      '-D',
      dataDir,
      '-m',
      'fast',
      '-w',
      'stop',
    ]);
  }
  const port = await freePort();
  const settings = Object.entries(POSTGRES_SETTINGS)
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(' ');
  run('pg_ctl', [
    '-D',
    dataDir,
    '-l',
    path.join(dataDir, 'server.log'),
    '-w',
    '-t',
    '300',
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dataDir} ${settings}`,
    'start',
  ]);
  const version = run('postgres', ['--version']).trim();
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    version,
    stop() {
      run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', '-t', '300', 'stop']);
    },
  };
}

function findPostgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0]) throw new Error('PostgreSQL is not installed: run `apt-get install postgresql`.');
  return path.join(root, versions[0], 'bin');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
