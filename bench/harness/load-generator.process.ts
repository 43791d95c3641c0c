import fs from 'node:fs';
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { openDatabase } from '../../packages/server/src/storage/database.ts';
import { BrowserClient } from '../../packages/server/src/testing/browser-client.ts';
import { eidLogin } from '../../packages/server/src/testing/eid-test-login.ts';
import type {
  ClosedLoopSpec,
  LoadResult,
  LoadSpec,
  LoginSpec,
  OpenLoopSpec,
  PasswordLoginSpec,
  PreparedRequest,
  StreamResult,
} from './load-types.ts';

// The load generator, a process of its own so that it never shares an event loop with the server
// (on two cores it still shares the CPUs; the report says how much it used). Reads a spec file,
// runs it, writes the result file. Closed loop: autocannon. Open loop (the national mix): our own
// scheduler on keep-alive connections, because autocannon's rate mode corrects for coordinated
// omission with an interval in the wrong unit; here latency is measured from when a request was
// due, so time spent queueing behind a slow server counts.

async function closedLoop(closed: ClosedLoopSpec): Promise<StreamResult> {
  let next = 0;
  const pool = closed.requests;
  const result = await autocannon({
    url: closed.url,
    connections: closed.connections,
    duration: closed.seconds,
    timeout: 30,
    requests: [
      {
        setupRequest: () => {
          const request = pool[next++ % pool.length] as PreparedRequest;
          return {
            method: request.method,
            path: request.path,
            headers: request.headers,
            ...(request.body === undefined ? {} : { body: request.body }),
          };
        },
      },
    ],
  });
  const statusCounts = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
  const ok = Object.entries(statusCounts)
    .filter(([code]) => code.startsWith('2'))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    name: 'closed',
    rate: ok / closed.seconds,
    count: ok,
    errors: result.errors + result.timeouts + result.non2xx,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    statusCounts,
  };
}

/** Open loop: Poisson arrivals at each stream's rate; latency from the moment a request was due. */
async function openLoop(open: OpenLoopSpec): Promise<StreamResult[]> {
  const target = new URL(open.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const deadline = performance.now() + open.seconds * 1000;
  const runs = open.streams.map((stream) =>
    schedule(stream.name, stream.rate, open.seconds, deadline, async (index) => {
      const request = stream.requests[index % stream.requests.length] as PreparedRequest;
      return send(agent, target, request);
    }),
  );
  if (open.logins && open.logins.rate > 0) {
    const subjects = open.logins.subjects;
    runs.push(
      schedule('logins', open.logins.rate, open.seconds, deadline, async (index) =>
        loginOnce(open.url, subjects[index % subjects.length] as string),
      ),
    );
  }
  const results = await Promise.all(runs);
  agent.destroy();
  return results;
}

type Outcome = { ok: boolean; status: string; error?: string };

async function schedule(
  name: string,
  rate: number,
  seconds: number,
  deadline: number,
  fire: (index: number) => Promise<Outcome>,
): Promise<StreamResult> {
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  let errors = 0;
  let firstError: string | undefined;
  let due = performance.now();
  let index = 0;
  const inFlight = new Set<Promise<void>>();
  while (due < deadline) {
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const scheduledAt = due;
    const task = fire(index++).then(
      (outcome) => {
        statusCounts[outcome.status] = (statusCounts[outcome.status] ?? 0) + 1;
        if (outcome.ok) latencies.push(performance.now() - scheduledAt);
        else {
          errors++;
          firstError ??= outcome.error ?? outcome.status;
        }
      },
      (error: unknown) => {
        errors++;
        statusCounts.error = (statusCounts.error ?? 0) + 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      },
    );
    const tracked = task.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    // Poisson arrivals: exponential gaps with the stream's mean.
    due += (-Math.log(1 - Math.random()) * 1000) / rate;
  }
  await Promise.all(inFlight);
  return summarise(name, latencies, errors, statusCounts, seconds, rate, firstError);
}

function send(agent: http.Agent, target: URL, request: PreparedRequest): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.path,
        headers: {
          ...request.headers,
          ...(request.body === undefined ? {} : { 'content-length': Buffer.byteLength(request.body) }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const ok = (status >= 200 && status < 300) || (request.expect?.includes(status) ?? false);
          resolve({
            ok,
            status: String(status),
            ...(ok
              ? {}
              : {
                  error: `${status} ${request.method} ${request.path}: ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`,
                }),
          });
        });
      },
    );
    req.on('error', (error) => resolve({ ok: false, status: 'error', error: error.message }));
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}

/** Time spent in Kontakta's own login endpoints and on the provider's pages, over all logins. */
const loginSplit = { kontaktaMs: 0, providerMs: 0, hops: 0, logins: 0 };

/** A browser that notes how long each hop took, by whose endpoint it was. */
class TimedBrowserClient extends BrowserClient {
  override async request(url: string, init?: Parameters<BrowserClient['request']>[1]) {
    const started = performance.now();
    const hop = await super.request(url, init);
    const ms = performance.now() - started;
    if (new URL(url, this.origin).pathname.startsWith('/dev-idp')) loginSplit.providerMs += ms;
    else loginSplit.kontaktaMs += ms;
    loginSplit.hops++;
    return hop;
  }
}

/** One complete e-ID login as a browser does it; success is landing on the web app, logged in. */
async function loginOnce(url: string, subject: string): Promise<Outcome> {
  const browser = new TimedBrowserClient(url);
  loginSplit.logins++;
  const { landing } = await eidLogin(browser, '/api/auth/eid/start', { subject });
  const ok = landing.pathname === '/' && Boolean(browser.cookie('kontakta_session'));
  return ok
    ? { ok, status: 'logged-in' }
    : { ok, status: 'refused', error: `landed on ${landing.pathname}${landing.search}` };
}

async function logins(login: LoginSpec): Promise<StreamResult> {
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  let errors = 0;
  let firstError: string | undefined;
  let index = 0;
  const deadline = performance.now() + login.seconds * 1000;
  await Promise.all(
    Array.from({ length: login.concurrency }, async () => {
      while (performance.now() < deadline) {
        const start = performance.now();
        try {
          const outcome = await loginOnce(login.url, login.subjects[index++ % login.subjects.length] as string);
          statusCounts[outcome.status] = (statusCounts[outcome.status] ?? 0) + 1;
          if (outcome.ok) latencies.push(performance.now() - start);
          else {
            errors++;
            firstError ??= outcome.error;
          }
        } catch (error) {
          errors++;
          statusCounts.error = (statusCounts.error ?? 0) + 1;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  return summarise('logins', latencies, errors, statusCounts, login.seconds, undefined, firstError);
}

async function passwordLogins(login: PasswordLoginSpec): Promise<StreamResult> {
  const database = openDatabase(login.database);
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  let errors = 0;
  let firstError: string | undefined;
  const deadline = performance.now() + login.seconds * 1000;
  const fail = (status: string, message: string) => {
    errors++;
    statusCounts[status] = (statusCounts[status] ?? 0) + 1;
    firstError ??= message;
  };
  try {
    await Promise.all(
      Array.from({ length: login.concurrency }, async (_, worker) => {
        const mine = login.people.filter((_, i) => i % login.concurrency === worker);
        let next = 0;
        while (performance.now() < deadline && mine.length > 0) {
          const person = mine[next++ % mine.length] as { personnummer: string; mobile: string };
          const browser = new BrowserClient(login.url);
          const start = performance.now();
          const first = await browser.request('/api/auth/password', {
            json: { personnummer: person.personnummer, password: login.password },
          });
          if (first.status !== 200) {
            fail(String(first.status), `password step: ${first.status} ${first.body.slice(0, 200)}`);
            continue;
          }
          const sms = await database.db
            .selectFrom('outbox')
            .select('parameters')
            .where('template', '=', 'login-code')
            .where('recipient', '=', person.mobile)
            .orderBy('created_at', 'desc')
            .limit(1)
            .executeTakeFirst();
          const code = (JSON.parse(sms?.parameters ?? '{}') as { code?: string }).code ?? '';
          const second = await browser.request('/api/auth/password/code', { json: { code } });
          if (second.status !== 200 || !browser.cookie('kontakta_session')) {
            fail(String(second.status), `code step: ${second.status} ${second.body.slice(0, 200)}`);
            continue;
          }
          latencies.push(performance.now() - start);
          statusCounts['logged-in'] = (statusCounts['logged-in'] ?? 0) + 1;
        }
      }),
    );
  } finally {
    await database.close();
  }
  return summarise('password logins', latencies, errors, statusCounts, login.seconds, undefined, firstError);
}

function summarise(
  name: string,
  latencies: number[],
  errors: number,
  statusCounts: Record<string, number>,
  seconds: number,
  targetRate: number | undefined,
  firstError: string | undefined,
): StreamResult {
  const sorted = Float64Array.from(latencies).sort();
  const at = (q: number) =>
    sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0);
  return {
    name,
    rate: latencies.length / seconds,
    ...(targetRate === undefined ? {} : { targetRate }),
    count: latencies.length,
    errors,
    p50: round(at(0.5)),
    p90: round(at(0.9)),
    p99: round(at(0.99)),
    max: round(sorted.at(-1) ?? 0),
    statusCounts,
    ...(firstError ? { firstError } : {}),
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

async function main(): Promise<void> {
  const [specFile, resultFile] = process.argv.slice(2);
  if (!specFile || !resultFile) throw new Error('usage: load-generator.process.ts <spec.json> <result.json>');
  const spec = JSON.parse(fs.readFileSync(specFile, 'utf8')) as LoadSpec;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  // A late loop here delays sending, and an open loop counts that as latency: say how late it ran.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();

  const streams =
    spec.kind === 'closed'
      ? [await closedLoop(spec)]
      : spec.kind === 'open'
        ? await openLoop(spec)
        : spec.kind === 'logins'
          ? [await logins(spec)]
          : [await passwordLogins(spec)];
  const cpu = process.cpuUsage(cpuBefore);
  const result: LoadResult = {
    streams,
    ...(loginSplit.logins > 0
      ? {
          loginSplit: {
            kontaktaMs: loginSplit.kontaktaMs / loginSplit.logins,
            providerMs: loginSplit.providerMs / loginSplit.logins,
            hops: loginSplit.hops / loginSplit.logins,
          },
        }
      : {}),
    loadCpuSeconds: (cpu.user + cpu.system) / 1e6,
    seconds: (performance.now() - started) / 1000,
    loopDelay: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
  };
  fs.writeFileSync(resultFile, JSON.stringify(result));
  process.exit(0);
}

await main();
