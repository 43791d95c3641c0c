import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../../packages/server/src/config/config.ts';
import { openDatabase } from '../../packages/server/src/storage/database.ts';
import { checkDurability } from '../../packages/server/src/storage/durability.ts';

// The floors every benchmark figure is divided by, served like Kontakta is served (Fastify, its own
// process, loopback): a route that returns a constant JSON body, and a route that writes one row
// in its own transaction to a database opened exactly as Kontakta's server opens its own (SQLite
// in WAL with group commit: answered once the fsync covering it is done; PostgreSQL with fsync and
// synchronous_commit on). It also measures the database's durable commit rate from one client
// without HTTP. Prints `listening <url>` when ready.

const databaseUrl = process.env.BENCH_FLOOR_DATABASE_URL;
const port = Number(process.env.BENCH_FLOOR_PORT ?? 0);

type FloorSchema = { floor_row: { id: string; payload: string; created_at: number } };

const config: DatabaseConfig | undefined = databaseUrl
  ? databaseUrl.startsWith('postgres')
    ? { dialect: 'postgres', url: databaseUrl, poolSize: Number(process.env.BENCH_FLOOR_POOL_SIZE ?? 10) }
    : { dialect: 'sqlite', file: databaseUrl.slice('sqlite:'.length) }
  : undefined;
const database = config ? openDatabase(config, { groupCommit: true }) : undefined;
const db = database?.db as unknown as Kysely<FloorSchema> | undefined;
if (database && db) {
  const durability = await checkDurability(database);
  if (!durability.durable) throw new Error(`floor database is not durable: ${durability.problems.join('; ')}`);
  await sql`CREATE TABLE IF NOT EXISTS floor_row (id text PRIMARY KEY NOT NULL, payload text NOT NULL, created_at bigint NOT NULL)`.execute(
    db,
  );
}

// About what an errand summary row holds, so the insert is not unrealistically small.
const PAYLOAD = 'x'.repeat(300);
const CONSTANT = { status: 'ok', service: 'kontakta-floor', items: [1, 2, 3], note: 'a constant JSON body' };

const app = Fastify({ logger: false });
app.get('/floor/json', async () => CONSTANT);
app.post('/floor/insert', async () => {
  if (!db) throw new Error('no database');
  const id = randomUUID();
  await db.insertInto('floor_row').values({ id, payload: PAYLOAD, created_at: Date.now() }).execute();
  await database?.whenDurable();
  return { id };
});

/** Commits per second with `clients` connections each inserting one row per transaction. */
app.get('/floor/commit-rate', async (request) => {
  const query = request.query as { seconds?: string; clients?: string };
  const seconds = Number(query.seconds ?? 5);
  const clients = Number(query.clients ?? 1);
  if (!config) throw new Error('no database');
  const deadline = performance.now() + seconds * 1000;
  let commits = 0;
  if (config.dialect === 'sqlite' && db) {
    // One writer at a time is what SQLite allows; more clients would only queue.
    while (performance.now() < deadline) {
      await db.insertInto('floor_row').values({ id: randomUUID(), payload: PAYLOAD, created_at: Date.now() }).execute();
      await database?.whenDurable();
      commits++;
    }
  } else if (config.dialect === 'postgres') {
    await Promise.all(
      Array.from({ length: clients }, async () => {
        const client = new pg.Client({ connectionString: config.url });
        await client.connect();
        try {
          while (performance.now() < deadline) {
            await client.query('INSERT INTO floor_row (id, payload, created_at) VALUES ($1, $2, $3)', [
              randomUUID(),
              PAYLOAD,
              Date.now(),
            ]);
            commits++;
          }
        } finally {
          await client.end();
        }
      }),
    );
  }
  return { commitsPerSecond: Math.round(commits / seconds), clients };
});

const address = await app.listen({ port, host: '127.0.0.1' });
process.stdout.write(`listening ${address}\n`);
const stop = async () => {
  await app.close();
  await database?.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
