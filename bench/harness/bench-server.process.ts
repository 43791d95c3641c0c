import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import readline from 'node:readline';
import { loadConfig } from '../../packages/server/src/config/config.ts';
import { openDeletionKeys } from '../../packages/server/src/encryption/deletion-keys.ts';
import { retentionJob } from '../../packages/server/src/jobs/retention.job.ts';
import { createScheduler } from '../../packages/server/src/jobs/scheduler/scheduler.ts';
import { startServer } from '../../packages/server/src/server.ts';
import { readMeta } from '../generator/bench-dataset.ts';
import { buildNationalOrganisation } from '../generator/national-organisation.ts';
import { nationalRegisters } from '../generator/national-register.adapter.ts';
import { peakMemoryComposition } from './memory-composition.ts';
import { serverRequestTimes } from './server-request-times.ts';

// The Kontakta server as the benchmark runs it: a process of its own (the load generator must not
// share its event loop), the production start path (durability check, migrations, listen), the
// generated country's registers, and the configuration from the environment like any install.
// Started by server-process.ts; prints one line `listening <url>` when it takes requests.

const datasetDir = process.env.BENCH_DATASET_DIR;
if (!datasetDir) throw new Error('BENCH_DATASET_DIR is not set');
const meta = readMeta(datasetDir);
if (!meta) throw new Error(`no data set in ${datasetDir}`);

const organisation = buildNationalOrganisation(meta.seed, meta.inhabitantsPerUnit);
const registers = nationalRegisters(meta.seed, meta.citizens, organisation);
const config = loadConfig(process.env);
const server = await startServer(config, { registers });

// Benchmark (i): SIGUSR2 runs the retention job inside this process, on the server's own database
// connection, the way the scheduler runs it every hour (same job, same lease, same batches; the
// benchmark keeps scheduled jobs off so that nothing else runs). Prints `retention-<n> <json>`.
let retentionRuns = 0;
process.on('SIGUSR2', () => {
  const number = ++retentionRuns;
  const job = retentionJob({
    config,
    encryption: () => ({ keys: server.keys, deletionKeys: openDeletionKeys(config.deletionKeyFile) }),
  });
  const scheduler = createScheduler({
    database: server.database,
    jobs: [job],
    logger: server.app.log.child({ component: 'scheduler' }),
    processName: 'bench-server',
  });
  const started = performance.now();
  const done = (outcome: Record<string, unknown>) =>
    process.stdout.write(
      `retention-${number} ${JSON.stringify({ ...outcome, seconds: (performance.now() - started) / 1000 })}\n`,
    );
  scheduler.runJob(job.name).then(
    (report) => done({ result: report.result, counts: report.counts ?? {}, error: report.error }),
    (error: unknown) => done({ result: 'failed', error: String(error) }),
  );
});

// The harness asks on stdin, one command a line (server-profile.ts). `memory-peak <token>` prints
// `memory-peak <token> <json>`: what resident memory was made of at its peak since the last ask.
// `loop-delay <token>` prints `loop-delay <token> {"p99":…,"max":…}`: how late this process's event
// loop ran, in ms, since the last ask (a stalled loop delays every request at once).
// `request-times <token>` prints `request-times <token> <json>`: the requests' own time in this
// server and the pool's waits since the last ask (server-request-times.ts).
// With --profile, each benchmark is profiled on its own (issue 20 pt 7): `profile-start` starts
// V8's sampling profiler in this process, `profile-stop <file>` writes what it took to <file> and
// prints `profile-written <file>`. Nothing is profiled unless asked.
const memory = peakMemoryComposition();
const requestTimes = serverRequestTimes(server.metrics.registry, server.database.poolUse);
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
const inspector = new Session();
let profiling = Promise.resolve();
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, argument] = line.split(' ');
  if (command === 'memory-peak') process.stdout.write(`memory-peak ${argument} ${JSON.stringify(memory.take())}\n`);
  else if (command === 'loop-delay') {
    const delay = { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
    loopDelay.reset();
    process.stdout.write(`loop-delay ${argument} ${JSON.stringify(delay)}\n`);
  } else if (command === 'request-times')
    void requestTimes
      .take()
      .then((times) => process.stdout.write(`request-times ${argument} ${JSON.stringify(times)}\n`));
  // One after another: a stop waits for its start.
  else if (command === 'profile-start') {
    profiling = profiling.then(async () => {
      inspector.connect();
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.start');
    });
  } else if (command === 'profile-stop' && argument) {
    profiling = profiling.then(async () => {
      const { profile } = await inspector.post('Profiler.stop');
      inspector.disconnect();
      fs.writeFileSync(argument, JSON.stringify(profile));
      process.stdout.write(`profile-written ${argument}\n`);
    });
  }
});

process.stdout.write(`listening ${server.url}\n`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
