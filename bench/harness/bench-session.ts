import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { type Config, loadConfig } from '../../packages/server/src/config/config.ts';
import { SERVER_NODE_FLAGS } from '../../packages/server/src/server-node-flags.ts';
import { type Database, type Dialect, openDatabase } from '../../packages/server/src/storage/database.ts';
import { BENCH_DATA_ROOT, type BenchMeta, readMeta } from '../generator/bench-dataset.ts';
import { type BenchPostgres, freePort, startBenchPostgres } from '../generator/bench-postgres.ts';
import { personnummerForIndex } from '../generator/national-personnummer.ts';
import { type Child, startChild } from './child-process.ts';

// One benchmark session on one data set: a working copy of it (the benchmarks write, the data set
// stays as generated), the Kontakta server and the floor server as processes of their own, and a
// connection for the harness to create sessions and look up test data.

export type BenchSession = {
  dialect: Dialect;
  meta: BenchMeta;
  serverUrl: string;
  floorUrl: string;
  /** The first Kontakta server process. */
  server: Child;
  /** Every Kontakta server process now running (the first, and those `addServer` started). */
  servers: Child[];
  /** Starts one more server process on the same port (KONTAKTA_REUSE_PORT): the scale-out. */
  addServer(): Promise<Child>;
  /** Stops the processes `addServer` started. */
  removeExtraServers(): Promise<void>;
  floor: Child;
  /** The harness's own connection to the working copy. */
  database: Database;
  /** The configuration the server runs with (cookie names, session policy). */
  config: Config;
  postgres: BenchPostgres | undefined;
  /** Identifies the PostgreSQL backends of this session for CPU accounting. */
  postgresDataDir: string | undefined;
  env: Record<string, string>;
  /** With --profile: where each benchmark's server CPU profiles go (server-profile.ts). */
  profileDir: string | undefined;
  close(): Promise<void>;
};

const WORK_ROOT = path.join(BENCH_DATA_ROOT, 'work');
/** On PostgreSQL, the server's database: a copy of the data set's, made for each session. */
export const WORK_DATABASE = 'bench_work';
const SERVER_SCRIPT = path.join(import.meta.dirname, 'bench-server.process.ts');
const FLOOR_SCRIPT = path.join(import.meta.dirname, 'floor-server.process.ts');
const EID_PROVIDER_SCRIPT = path.join(import.meta.dirname, 'eid-provider.process.ts');
/** People the development e-ID provider lists, for the login benchmarks. */
export const LOGIN_PEOPLE = 300;
/**
 * People with a password, for the password + SMS code logins: each may get 5 login codes in 15
 * minutes (the security limit), so the logins are spread over this many.
 */
export const PASSWORD_PEOPLE = 500;

/**
 * The citizen numbers the login benchmarks log in as, counted down from the last: the e-ID people,
 * then the password people. A login ends the person's sessions beyond the newest five, so no other
 * benchmark's logged-in citizen is among them; at least half of a small data set stays outside.
 */
export function loginPeople(citizens: number): { eid: number[]; password: number[]; firstReserved: number } {
  const firstReserved = Math.max(Math.ceil(citizens / 2), citizens - LOGIN_PEOPLE - PASSWORD_PEOPLE);
  const reserved = Array.from({ length: citizens - firstReserved }, (_, i) => citizens - 1 - i);
  return { eid: reserved.slice(0, LOGIN_PEOPLE), password: reserved.slice(LOGIN_PEOPLE), firstReserved };
}

export async function openBenchSession(
  datasetDir: string,
  options: { poolSize: number; logDir: string; log: (line: string) => void; profileDir?: string | undefined },
): Promise<BenchSession> {
  const meta = readMeta(datasetDir);
  if (!meta) throw new Error(`No data set in ${datasetDir}: run npm run bench:data first.`);
  const label = path.basename(datasetDir);
  const workDir = path.join(WORK_ROOT, label);
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });

  let databaseUrl: string;
  let floorDatabaseUrl: string;
  let postgres: BenchPostgres | undefined;
  if (meta.dialect === 'sqlite') {
    options.log(`copying ${label} to a working copy`);
    copyToDisk(path.join(datasetDir, 'kontakta.sqlite'), path.join(workDir, 'kontakta.sqlite'));
    databaseUrl = `sqlite:${path.join(workDir, 'kontakta.sqlite')}`;
    floorDatabaseUrl = `sqlite:${path.join(workDir, 'floor.sqlite')}`;
  } else {
    postgres = await startBenchPostgres(path.join(datasetDir, 'pg'));
    options.log(`copying ${label} to a working database`);
    const admin = new pg.Client({ connectionString: postgres.url('postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${WORK_DATABASE} WITH (FORCE)`);
    await admin.query('DROP DATABASE IF EXISTS bench_floor WITH (FORCE)');
    await admin.query(`CREATE DATABASE ${WORK_DATABASE} TEMPLATE kontakta`);
    await admin.query('CREATE DATABASE bench_floor');
    await admin.end();
    databaseUrl = postgres.url(WORK_DATABASE);
    floorDatabaseUrl = postgres.url('bench_floor');
  }

  // The development e-ID provider lists the people of the register file; the benchmark's register
  // answers for everyone, so the file only names whom to list.
  const registerDir = path.join(workDir, 'register');
  fs.mkdirSync(registerDir, { recursive: true });
  const people = loginPeople(meta.citizens).eid.map((index) => ({ personnummer: personnummerForIndex(index) }));
  fs.writeFileSync(path.join(registerDir, 'population.json'), JSON.stringify({ version: 1, people }));

  const port = await freePort();
  const eidProviderPort = await freePort();
  const env: Record<string, string> = {
    // Demo mode, with the development e-ID provider in a process of its own (eid-provider.process.ts),
    // as a broker is in production: the login benchmarks log in through it.
    KONTAKTA_DEMO: 'true',
    KONTAKTA_OIDC_ISSUER: `http://127.0.0.1:${eidProviderPort}/dev-idp`,
    KONTAKTA_OIDC_CLIENT_SECRET: randomBytes(24).toString('base64url'),
    PORT: String(port),
    KONTAKTA_HOST: '127.0.0.1',
    KONTAKTA_PUBLIC_URL: `http://127.0.0.1:${port}`,
    KONTAKTA_DATABASE_URL: databaseUrl,
    KONTAKTA_DATABASE_POOL_SIZE: String(options.poolSize),
    KONTAKTA_DATA_DIR: path.join(workDir, 'server-data'),
    KONTAKTA_REGISTER_DIR: registerDir,
    KONTAKTA_MASTER_KEY: meta.masterKey,
    KONTAKTA_LOG_LEVEL: 'warn',
    KONTAKTA_OUTBOX_WORKER: 'false',
    // Retention and housekeeping would otherwise start re-wrapping the generated errands mid-run.
    KONTAKTA_SCHEDULED_JOBS: 'false',
    KONTAKTA_LOGIN_RATE_LIMIT: '100000',
    // The installation's SMS fuse (60 a minute) would otherwise be what the password logins measure.
    KONTAKTA_SMS_PER_MINUTE: '100000',
    KONTAKTA_API_DOCS: 'false',
    // Lets the scale-out start a second process on the same port; the kernel spreads connections.
    KONTAKTA_REUSE_PORT: 'true',
    BENCH_DATASET_DIR: datasetDir,
  };
  const config = loadConfig(env);
  const startServerProcess = (number: number) =>
    startChild(
      SERVER_SCRIPT,
      [],
      env,
      path.join(options.logDir, number === 1 ? `server-${label}.log` : `server-${label}-${number}.log`),
      [
        // The flags a server runs with in production, then any for the server alone, to measure
        // what they buy (e.g. --max-semi-space-size=4; a later flag overrides an earlier one).
        ...SERVER_NODE_FLAGS,
        ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      ],
    );
  const eidProvider = startChild(
    EID_PROVIDER_SCRIPT,
    [],
    { ...env, BENCH_EID_PROVIDER_PORT: String(eidProviderPort) },
    path.join(options.logDir, `eid-provider-${label}.log`),
  );
  await eidProvider.waitFor('listening ');
  const server = startServerProcess(1);
  const serverLine = await server.waitFor('listening ');
  const servers = [server];
  const floorPort = await freePort();
  const floor = startChild(
    FLOOR_SCRIPT,
    [],
    {
      BENCH_FLOOR_DATABASE_URL: floorDatabaseUrl,
      BENCH_FLOOR_PORT: String(floorPort),
      BENCH_FLOOR_POOL_SIZE: String(options.poolSize),
    },
    path.join(options.logDir, `floor-${label}.log`),
  );
  await floor.waitFor('listening ');
  // Opened as the server opens it, so the settings the report shows are the server's.
  const database = openDatabase(config.database, { groupCommit: true });
  return {
    dialect: meta.dialect,
    meta,
    serverUrl: serverLine.slice('listening '.length).trim(),
    floorUrl: `http://127.0.0.1:${floorPort}`,
    server,
    servers,
    async addServer() {
      const extra = startServerProcess(servers.length + 1);
      await extra.waitFor('listening ');
      servers.push(extra);
      return extra;
    },
    async removeExtraServers() {
      for (const extra of servers.splice(1)) await extra.stop();
    },
    floor,
    database,
    config,
    postgres,
    postgresDataDir: postgres ? path.join(datasetDir, 'pg') : undefined,
    env,
    profileDir: options.profileDir,
    async close() {
      await database.close();
      for (const running of servers.splice(0)) await running.stop();
      await floor.stop();
      await eidProvider.stop();
      if (postgres) {
        const admin = new pg.Client({ connectionString: postgres.url('postgres') });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${WORK_DATABASE} WITH (FORCE)`);
        await admin.query('DROP DATABASE IF EXISTS bench_floor WITH (FORCE)');
        await admin.end();
        postgres.stop();
      }
      fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/**
 * Copies a file and waits until the copy is on the disk. Without the fsync the kernel writes the
 * copy back while the benchmarks run (9 GB at 1 M errands), and the server's own fsyncs and reads
 * queue behind it.
 */
function copyToDisk(from: string, to: string): void {
  fs.copyFileSync(from, to);
  const file = fs.openSync(to, 'r+');
  try {
    fs.fsyncSync(file);
  } finally {
    fs.closeSync(file);
  }
}
