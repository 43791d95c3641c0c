import { randomUUID } from 'node:crypto';
import { normalizeLetterPassword } from '../../packages/server/src/identity/letter-password.ts';
import { hashPassword } from '../../packages/server/src/identity/password-hashing.ts';
import { checkDurability } from '../../packages/server/src/storage/durability.ts';
import { insertPasswordCredential } from '../../packages/server/src/storage/repositories/password-credential.repository.ts';
import { POSTGRES_SETTINGS } from '../generator/bench-postgres.ts';
import { buildNationalOrganisation } from '../generator/national-organisation.ts';
import { personnummerForIndex } from '../generator/national-personnummer.ts';
import { nationalCitizen } from '../generator/national-population.ts';
import { type BenchSession, loginPeople, WORK_DATABASE } from './bench-session.ts';
import { waitForQuiet } from './child-process.ts';
import { cleanRuns, type Figure, type LoadMeasurement, measureClosed, medianFigure, runLoad } from './load-runner.ts';
import type { LoadSpec, OpenLoopSpec } from './load-types.ts';
import { type PostgresActivity, samplePostgresActivity } from './postgres-activity.ts';
import { explainCostCurveQueries, type QueryPlan } from './query-plans.ts';
import { prepareRequestPools, type RequestPools } from './request-pools.ts';
import { measureInboxDuringRetention, type RetentionResult } from './retention-benchmark.ts';
import { serverLoopDelay, serverRequestTimes, withServerProfile } from './server-profile.ts';
import type { RequestTimes } from './server-request-times.ts';
import { measureStatistics, type StatisticsResult } from './statistics-benchmark.ts';

// Everything measured on one data set, in an order that keeps the read figures clean: floors,
// the reads, then the writes, the logins and the national mix (which write the most).

export type SuiteOptions = {
  connections: number;
  seconds: number;
  runs: number;
  warmupSeconds: number;
  holdSeconds: number;
  /** Hold the largest k found this long to confirm it (the issue asks for 60 s). */
  confirmSeconds: number;
  mixSteps: number[];
  /** (i): errands that expire before the retention run (at most half the data set). */
  expire: number;
  /** Benchmarks to run (ids as in SCENARIOS, plus 'floors', 'g', 'h', 'scale', 'plans', 'i', 'stats'). */
  only: ReadonlySet<string> | undefined;
  log: (line: string) => void;
};

export type ScenarioId = 'a' | 'b1' | 'b2' | 'c' | 'c2' | 'd' | 'e' | 'f';

export const SCENARIOS: ReadonlyArray<{
  id: ScenarioId;
  title: string;
  floor: 'json' | 'insert';
  pool: keyof RequestPools;
}> = [
  { id: 'b1', title: '(b) citizen inbox, first page', floor: 'json', pool: 'inboxFirst' },
  { id: 'b2', title: '(b) citizen archive, deep cursor page (page 6)', floor: 'json', pool: 'inboxDeep' },
  { id: 'c', title: '(c) unit inbox with filters', floor: 'json', pool: 'unitInbox' },
  { id: 'c2', title: '(c2) unit inbox at 2 000 open errands', floor: 'json', pool: 'unitInboxAt2000' },
  { id: 'f', title: '(f) who has read my errands', floor: 'json', pool: 'accessLog' },
  { id: 'd', title: '(d) receiver opens an errand (decrypt + access log)', floor: 'json', pool: 'openErrand' },
  { id: 'a', title: '(a) send an errand', floor: 'insert', pool: 'send' },
  { id: 'e', title: '(e) caregiver answers', floor: 'insert', pool: 'answer' },
];

/** Issue 20 pt 7: (a), (b) and (d) once more at 64 connections. */
export const HIGH_CONNECTIONS = 64;
const AT_HIGH_CONCURRENCY: ReadonlySet<ScenarioId> = new Set(['a', 'b1', 'd']);

/** The national peak hour, per second (issue #8), multiplied by k in the mix. */
export const NATIONAL_PEAK = { logins: 55, send: 4, citizenInbox: 200, staffReads: 40, answers: 4 } as const;

export type MixStep = {
  k: number;
  held: boolean;
  reason: string;
  streams: Array<{
    name: string;
    target: number;
    rate: number;
    p50: number;
    p99: number;
    errors: number;
    firstError?: string;
  }>;
  peakRss: number;
  serverCores: number;
  databaseCores: number;
  loadCores: number;
  otherCores: number;
  /** How late the server's event loop ran during the step, in ms (the worst process). */
  loopDelay?: { p99: number; max: number };
  /** How late the load generator's event loop ran (a late one sends late, which counts as latency). */
  loadLoopDelay?: { p99: number; max: number };
  /** Per server process: the requests' own time inside it, and the pool's waits. */
  serverTimes?: RequestTimes[];
  /** PostgreSQL only: what its connections were doing (pg_stat_activity sampled). */
  postgresActivity?: PostgresActivity;
  /** The seconds at k's rates before the hold, not counted: its worst stream and all its errors. */
  warmup?: { seconds: number; stream: string; p99: number; errors: number };
};

export type MixResult = {
  /** Kontakta server processes sharing the port (1, or 2 in the scale-out). */
  processes: number;
  steps: MixStep[];
  largestK: number;
  withLogins: boolean;
  holdSeconds: number;
  /** The largest k that held through the full hold (`confirmSeconds`), 0 if none did. */
  confirmed?: { k: number; seconds: number; step: MixStep; attempts: MixStep[] };
};

export type SuiteResult = {
  dialect: string;
  errands: number;
  citizens: number;
  settings: Record<string, string>;
  /** Connections of the closed-loop benchmarks. */
  connections: number;
  poolNotes: string[];
  floors: { json?: Figure; insert?: Figure; commitOne?: number; commitMany?: { clients: number; rate: number } };
  scenarios: Partial<Record<ScenarioId, Figure>>;
  /** (a), (b) and (d) again at HIGH_CONNECTIONS (issue 20 pt 7). */
  scenariosAtHighConcurrency: Partial<Record<ScenarioId, Figure>>;
  logins?: Figure | { skipped: string };
  passwordLogins?: Figure | { skipped: string };
  /** The national mix with complete e-ID logins, and without logins (what the errand work alone allows). */
  mix?: MixResult | { skipped: string };
  mixWithoutLogins?: MixResult;
  /** The mix without logins on two server processes (point 5: scale-out). */
  mixScaleOut?: MixResult;
  plans?: QueryPlan[];
  /** (i) the citizen inbox during a retention run (issue 15, point 7). */
  retention?: RetentionResult;
  /** (stats) the statistics page over a region's rollup rows (issue 16, point 5). */
  statistics?: StatisticsResult;
};

export async function runSuite(session: BenchSession, options: SuiteOptions): Promise<SuiteResult> {
  const wants = (id: string) => !options.only || options.only.has(id);
  const closed = {
    connections: options.connections,
    seconds: options.seconds,
    runs: options.runs,
    warmupSeconds: options.warmupSeconds,
  };
  const durability = await checkDurability(session.database);
  const settings: Record<string, string> = {
    ...durability.settings,
    'server pool size': session.env.KONTAKTA_DATABASE_POOL_SIZE ?? '',
  };
  if (session.dialect === 'postgres')
    Object.assign(settings, POSTGRES_SETTINGS, { version: session.postgres?.version ?? '' });

  // (stats) issue 16 pt 5: the statistics page, on a database of its own holding the rollup rows
  // of as many errands as this data set (the use case directly, as npm run bench:statistics). It
  // needs neither the server nor the request pools, so it runs first.
  if (wants('stats')) options.log('(stats) the statistics page of a region');
  const statistics = wants('stats')
    ? await measureStatistics({
        dialect: session.dialect,
        errands: session.meta.errands,
        units: 300,
        iterations: options.runs * 8,
        log: options.log,
      })
    : undefined;

  options.log('preparing sessions and requests');
  const pools = await prepareRequestPools(session);
  const result: SuiteResult = {
    dialect: session.dialect,
    errands: session.meta.errands,
    citizens: session.meta.citizens,
    settings,
    connections: options.connections,
    poolNotes: pools.notes,
    floors: {},
    scenarios: {},
    scenariosAtHighConcurrency: {},
  };
  if (statistics) result.statistics = statistics;

  if (wants('floors')) {
    options.log('floor: constant JSON');
    result.floors.json = await measureClosed(
      session,
      session.floorUrl,
      [{ method: 'GET', path: '/floor/json', headers: {} }],
      closed,
      session.floor.pid,
    );
    options.log('floor: durable single-row insert');
    result.floors.insert = await measureClosed(
      session,
      session.floorUrl,
      [{ method: 'POST', path: '/floor/insert', headers: {} }],
      closed,
      session.floor.pid,
    );
    options.log('floor: commit rate');
    const commits = async (clients: number) =>
      (
        (await (
          await fetch(
            `${session.floorUrl}/floor/commit-rate?seconds=${Math.min(10, options.seconds)}&clients=${clients}`,
          )
        ).json()) as {
          commitsPerSecond: number;
        }
      ).commitsPerSecond;
    result.floors.commitOne = await commits(1);
    if (session.dialect === 'postgres') {
      result.floors.commitMany = { clients: options.connections, rate: await commits(options.connections) };
    }
  }

  for (const scenario of SCENARIOS) {
    if (!wants(scenario.id) && !wants(scenario.id.slice(0, 1))) continue;
    const requests = pools[scenario.pool];
    if (!Array.isArray(requests) || requests.length === 0 || typeof requests[0] === 'string') continue;
    options.log(scenario.title);
    result.scenarios[scenario.id] = await withServerProfile(session, scenario.id, () =>
      measureClosed(session, session.serverUrl, requests as never, closed),
    );
    // Many more clients than the server has cores: what a burst does to the queue and the tail.
    if (AT_HIGH_CONCURRENCY.has(scenario.id) && options.connections < HIGH_CONNECTIONS) {
      options.log(`${scenario.title}, ${HIGH_CONNECTIONS} connections`);
      result.scenariosAtHighConcurrency[scenario.id] = await withServerProfile(
        session,
        `${scenario.id}-c${HIGH_CONNECTIONS}`,
        () =>
          measureClosed(session, session.serverUrl, requests as never, { ...closed, connections: HIGH_CONNECTIONS }),
      );
    }
  }

  const loginsAvailable = await eidLoginAvailable(session.serverUrl);
  if (wants('g')) {
    if (!loginsAvailable) result.logins = { skipped: 'the server has no e-ID login endpoint (/api/auth/eid/start)' };
    else {
      options.log('(g) complete e-ID logins through the development provider');
      result.logins = await withServerProfile(session, 'g-eid', () =>
        measureLogins(session, pools.loginSubjects, options),
      );
    }
  }

  if (wants('g')) {
    if (!(await passwordLoginAvailable(session.serverUrl))) {
      result.passwordLogins = { skipped: 'the server has no password login endpoint (/api/auth/password)' };
    } else {
      options.log('(g) complete password + SMS code logins');
      result.passwordLogins = await withServerProfile(session, 'g-password', () =>
        measurePasswordLogins(session, options),
      );
    }
  }

  if (wants('h')) {
    options.log('(h) the national mix without logins');
    result.mixWithoutLogins = await nationalMix(session, pools, options, false);
    if (loginsAvailable) {
      options.log('(h) the national mix with e-ID logins');
      result.mix = await nationalMix(session, pools, options, true);
    } else result.mix = { skipped: 'the server has no e-ID login endpoint' };
  }

  // Scale-out: a second server process on the same port, compared with one on the same mix
  // without logins (logins would work across both: the e-ID provider runs in a process of its
  // own and a login's state is in the database; without them the ratio is the servers' alone).
  if (wants('scale')) {
    if (!result.mixWithoutLogins) {
      options.log('(h) the national mix without logins, one server process (the baseline for the scale-out)');
      result.mixWithoutLogins = await nationalMix(session, pools, options, false);
    }
    options.log('(h) scale-out: the national mix without logins on two server processes');
    await session.addServer();
    try {
      result.mixScaleOut = await nationalMix(session, pools, options, false);
    } finally {
      await session.removeExtraServers();
    }
  }

  if (wants('plans')) {
    const organisation = buildNationalOrganisation(session.meta.seed, session.meta.inhabitantsPerUnit);
    const busiest = [...organisation.units].sort((a, b) => b.weight - a.weight)[0];
    const receiver = busiest ? organisation.staffByUnit.get(busiest.hsaId)?.[0] : undefined;
    const citizen = await session.database.db.selectFrom('citizen').select('id').orderBy('id').executeTakeFirst();
    const heavy = await session.database.db
      .selectFrom('citizen')
      .select('id')
      .where('personnummer', '=', personnummerForIndex(0))
      .executeTakeFirst();
    if (busiest && receiver && citizen && heavy) {
      result.plans = await explainCostCurveQueries(session.config.database, {
        citizenId: citizen.id,
        heavyCitizenId: heavy.id,
        unitHsaId: busiest.hsaId,
        receiverHsaId: receiver.hsaId,
      });
    }
  }

  // Last: it deletes errands from the working copy for good.
  if (wants('i')) {
    options.log('(i) the citizen inbox during a retention run');
    result.retention = await measureInboxDuringRetention(session, pools.inboxFirst, {
      ...closed,
      expire: options.expire,
      log: options.log,
    });
  }
  return result;
}

async function eidLoginAvailable(serverUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${serverUrl}/api/auth/eid/start`, { redirect: 'manual' });
    return response.status >= 300 && response.status < 400;
  } catch {
    return false;
  }
}

async function passwordLoginAvailable(serverUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${serverUrl}/api/auth/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    return response.status === 400;
  } catch {
    return false;
  }
}

const PASSWORD = 'K7QM-X3TR-PW9A-BC4D';

/** Citizens with an active password (as after their first login with the letter's password). */
async function measurePasswordLogins(session: BenchSession, options: SuiteOptions): Promise<Figure> {
  const { db } = session.database;
  const organisation = buildNationalOrganisation(session.meta.seed, session.meta.inhabitantsPerUnit);
  const passwordHash = await hashPassword(normalizeLetterPassword(PASSWORD));
  const now = Date.now();
  const people: Array<{ personnummer: string; mobile: string }> = [];
  for (const [i, index] of loginPeople(session.meta.citizens).password.entries()) {
    const citizen = nationalCitizen(session.meta.seed, index, organisation);
    const row = await db
      .selectFrom('citizen')
      .select('id')
      .where('personnummer', '=', citizen.personnummer)
      .executeTakeFirst();
    if (!row) continue;
    const mobile = citizen.mobile ?? `+4673${String(1_000_000 + i).slice(-7)}`;
    await insertPasswordCredential(db, {
      id: randomUUID(),
      citizen_id: row.id,
      password_hash: passwordHash,
      mobile,
      status: 'active',
      terms_accepted_at: now,
      created_at: now,
      activated_at: now,
    });
    people.push({ personnummer: citizen.personnummer, mobile });
  }
  const spec = (seconds: number): LoadSpec => ({
    kind: 'password-logins',
    url: session.serverUrl,
    concurrency: Math.min(8, options.connections),
    seconds,
    password: PASSWORD.toLowerCase(),
    people,
    database: session.config.database,
  });
  await waitForQuiet(60_000);
  if (options.warmupSeconds > 0) await runLoad(session, spec(options.warmupSeconds));
  return medianFigure(await cleanRuns(options.runs, () => runLoad(session, spec(options.seconds))));
}

async function measureLogins(session: BenchSession, subjects: string[], options: SuiteOptions): Promise<Figure> {
  const spec = (seconds: number) => ({
    kind: 'logins' as const,
    url: session.serverUrl,
    concurrency: Math.min(8, options.connections),
    seconds,
    subjects,
  });
  await waitForQuiet(60_000);
  if (options.warmupSeconds > 0) await runLoad(session, spec(options.warmupSeconds));
  return medianFigure(await cleanRuns(options.runs, () => runLoad(session, spec(options.seconds))));
}

/**
 * The peak hour of the whole country times k, open loop: logins, sends, citizen inbox reads,
 * staff reads (half the unit inbox, half opening an errand) and answers, each at its own rate.
 * k rises until p99 passes 200 ms, anything fails, or the server falls behind the rates.
 */
async function nationalMix(
  session: BenchSession,
  pools: RequestPools,
  options: SuiteOptions,
  withLogins: boolean,
): Promise<MixResult> {
  const steps: MixStep[] = [];
  let largestK = 0;
  await waitForQuiet(60_000);
  for (const k of options.mixSteps) {
    let step = await mixStep(session, pools, options, withLogins, k, options.holdSeconds);
    // A step that failed while other work shared the machine is run again once it is quiet.
    if (!step.held && step.otherCores > 0.3) {
      await waitForQuiet(120_000);
      step = await mixStep(session, pools, options, withLogins, k, options.holdSeconds);
    }
    steps.push(step);
    if (!step.held) break;
    largestK = k;
  }
  // The ramp holds each k briefly; the largest that held is then held for the full time, and if
  // it does not hold that long, the next smaller one.
  let confirmed: MixResult['confirmed'];
  if (options.confirmSeconds > options.holdSeconds && largestK > 0) {
    const held = steps.filter((s) => s.held).map((s) => s.k);
    const attempts: MixStep[] = [];
    for (const k of held.reverse().slice(0, 3)) {
      await waitForQuiet(60_000);
      let step = await mixStep(session, pools, options, withLogins, k, options.confirmSeconds);
      if (!step.held && step.otherCores > 0.3) {
        await waitForQuiet(120_000);
        step = await mixStep(session, pools, options, withLogins, k, options.confirmSeconds);
      }
      attempts.push(step);
      confirmed = { k: step.held ? k : 0, seconds: options.confirmSeconds, step, attempts };
      if (step.held) break;
    }
  }
  return {
    processes: session.servers.length,
    steps,
    largestK,
    withLogins,
    holdSeconds: options.holdSeconds,
    ...(confirmed ? { confirmed } : {}),
  };
}

async function mixStep(
  session: BenchSession,
  pools: RequestPools,
  options: SuiteOptions,
  withLogins: boolean,
  k: number,
  seconds: number,
): Promise<MixStep> {
  const targets = {
    send: NATIONAL_PEAK.send * k,
    'citizen inbox': NATIONAL_PEAK.citizenInbox * k,
    'unit inbox': (NATIONAL_PEAK.staffReads / 2) * k,
    'open errand': (NATIONAL_PEAK.staffReads / 2) * k,
    answer: NATIONAL_PEAK.answers * k,
  };
  options.log(
    `  k = ${k}: ${Object.values(targets).reduce((a, b) => a + b, 0) + (withLogins ? NATIONAL_PEAK.logins * k : 0)} per second, ${seconds} s`,
  );
  const load = (loadSeconds: number): OpenLoopSpec => ({
    kind: 'open',
    url: session.serverUrl,
    seconds: loadSeconds,
    streams: [
      { name: 'send', rate: targets.send, requests: pools.send },
      { name: 'citizen inbox', rate: targets['citizen inbox'], requests: pools.inboxFirst },
      { name: 'unit inbox', rate: targets['unit inbox'], requests: pools.unitInbox },
      { name: 'open errand', rate: targets['open errand'], requests: pools.openErrand },
      { name: 'answer', rate: targets.answer, requests: pools.answer },
    ],
    ...(withLogins ? { logins: { rate: NATIONAL_PEAK.logins * k, subjects: pools.loginSubjects } } : {}),
  });
  // The hold measures a server in service at k's rates, as the closed-loop runs do after their
  // warm-up. A fresh server is several times slower for its first second or two of the mix (issue
  // 20: every slow request of a PostgreSQL k = 1 step fell in its first second, every statement
  // 7–10 ms instead of under 1). The warm-up's worst p99 is kept, so a cold start stays in the report.
  const warmup =
    options.warmupSeconds > 0 ? worstStream(await runLoad(session, load(options.warmupSeconds))) : undefined;
  const loopToken = `mix-${withLogins ? 'logins' : 'plain'}-${k}-${seconds}-${Date.now()}`;
  await serverLoopDelay(session, `${loopToken}-before`);
  await serverRequestTimes(session, `${loopToken}-before`);
  const activity = session.postgres
    ? await samplePostgresActivity(session.postgres.url('postgres'), WORK_DATABASE)
    : undefined;
  const measurement = await runLoad(session, load(seconds));
  const loopDelay = await serverLoopDelay(session, loopToken);
  const serverTimes = await serverRequestTimes(session, loopToken);
  const postgresActivity = await activity?.stop();
  const streams = measurement.streams.map((s) => ({
    name: s.name,
    target: s.targetRate ?? 0,
    rate: s.rate,
    p50: s.p50,
    p99: s.p99,
    errors: s.errors,
    ...(s.firstError ? { firstError: s.firstError } : {}),
  }));
  const problems: string[] = [];
  for (const s of streams) {
    if (s.errors > 0) problems.push(`${s.name}: ${s.errors} errors`);
    if (s.p99 > 200) problems.push(`${s.name}: p99 ${s.p99} ms`);
    // Arrivals are random (Poisson); only a clear shortfall on a busy stream means nobody kept up.
    const expected = s.target * seconds;
    if (expected >= 1000 && s.rate * seconds < 0.9 * expected)
      problems.push(`${s.name}: ${s.rate.toFixed(0)}/s of ${s.target}/s`);
  }
  const held = problems.length === 0;
  return {
    k,
    held,
    reason: held ? 'held' : problems.join('; '),
    streams,
    peakRss: measurement.peakRss,
    serverCores: measurement.serverCores,
    databaseCores: measurement.databaseCores,
    loadCores: measurement.loadCores,
    otherCores: measurement.otherCores,
    loopDelay,
    ...(measurement.loadLoopDelay ? { loadLoopDelay: measurement.loadLoopDelay } : {}),
    serverTimes,
    ...(postgresActivity ? { postgresActivity } : {}),
    ...(warmup ? { warmup: { seconds: options.warmupSeconds, ...warmup } } : {}),
  };
}

/** The stream with the highest p99 of a run, and the run's errors. */
function worstStream(measurement: LoadMeasurement): { stream: string; p99: number; errors: number } {
  const worst = measurement.streams.reduce((a, b) => (b.p99 > a.p99 ? b : a));
  return { stream: worst.name, p99: worst.p99, errors: measurement.streams.reduce((n, s) => n + s.errors, 0) };
}
