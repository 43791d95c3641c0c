import { loadConfig } from '../../packages/server/src/config/config.ts';
import { startServer } from '../../packages/server/src/server.ts';
import { readMeta } from '../generator/bench-dataset.ts';
import { buildNationalOrganisation } from '../generator/national-organisation.ts';
import { nationalRegisters } from '../generator/national-register.adapter.ts';

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
process.stdout.write(`listening ${server.url}\n`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
