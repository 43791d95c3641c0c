import Fastify from 'fastify';
import { loadConfig } from '../../packages/server/src/config/config.ts';
import { devIdpPlugin } from '../../packages/server/src/dev-idp/dev-idp.plugin.ts';
import { readMeta } from '../generator/bench-dataset.ts';
import { buildNationalOrganisation } from '../generator/national-organisation.ts';
import { nationalRegisters } from '../generator/national-register.adapter.ts';

// The development e-ID provider in a process of its own, as a broker is in production (issue 20
// pt 3): the benchmark's logins then measure Kontakta's part of a login (start, callback, token
// exchange) on the server's cores without the provider's signing and pages in the same event
// loop, and the server does not load oidc-provider at all. It answers at
// `BENCH_EID_PROVIDER_URL/dev-idp` for Kontakta at `KONTAKTA_PUBLIC_URL`, with the client secret
// both are given. Prints one line `listening <url>` when it takes requests.

const datasetDir = process.env.BENCH_DATASET_DIR;
const port = Number(process.env.BENCH_EID_PROVIDER_PORT);
const secret = process.env.KONTAKTA_OIDC_CLIENT_SECRET;
if (!datasetDir || !port || !secret) {
  throw new Error('BENCH_DATASET_DIR, BENCH_EID_PROVIDER_PORT and KONTAKTA_OIDC_CLIENT_SECRET must be set');
}
const meta = readMeta(datasetDir);
if (!meta) throw new Error(`no data set in ${datasetDir}`);
const registers = nationalRegisters(
  meta.seed,
  meta.citizens,
  buildNationalOrganisation(meta.seed, meta.inhabitantsPerUnit),
);

// Kontakta's own configuration, read as its server reads it; the provider is what it names.
const kontakta = loadConfig(process.env);
const client = { ...kontakta.identity.citizen, clientSecret: secret };
const config = { ...kontakta, identity: { ...kontakta.identity, citizen: client, staff: client } };

const app = Fastify({ logger: { level: 'warn' } });
await app.register(devIdpPlugin, { config, registers });
const url = await app.listen({ host: '127.0.0.1', port });
process.stdout.write(`listening ${url}\n`);

const stop = async () => {
  await app.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
