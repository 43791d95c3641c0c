import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deliver } from '../notifications/notification.types.ts';
import { type Database, openDatabase } from '../storage/database.ts';
import { enqueueOutboxMessage } from '../storage/repositories/outbox.repository.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-databases.ts';
import { createOutboxWorker, type OutboxWorker, type WorkerLogger } from './outbox-worker.ts';

const MESSAGES = 400;
const silent: WorkerLogger = { debug() {}, info() {}, warn() {}, error() {} };

// Two server processes on one PostgreSQL: each worker has its own connection pool, as a separate
// process would, and both drain the same outbox at the same time.
describe('two outbox workers on one PostgreSQL database', () => {
  let database: TestDatabase;
  let secondProcess: Database;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    secondProcess = openDatabase(database.config);
  });
  afterAll(async () => {
    await secondProcess.close();
    await database.drop();
  });

  it('deliver every message exactly once between them', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < MESSAGES; i++) {
      ids.add(
        await enqueueOutboxMessage(
          database.db,
          {
            channel: 'email',
            template: 'new-message',
            recipient: `citizen${i}@example.se`,
            language: 'sv',
            citizen_id: null,
            errand_id: null,
          },
          Date.now() - 1000,
        ),
      );
    }

    // The fake receiving side counts every delivery it gets, per message id and per worker.
    const deliveries = new Map<string, number>();
    const perWorker = [0, 0];
    const transport =
      (worker: number): Deliver =>
      async (message) => {
        deliveries.set(message.id, (deliveries.get(message.id) ?? 0) + 1);
        perWorker[worker] = (perWorker[worker] ?? 0) + 1;
        // A little time in flight, as a real send has, so the two workers' claims interleave.
        await new Promise((resolve) => setTimeout(resolve, 1 + Math.random() * 3));
        return { outcome: 'sent', reference: null };
      };
    const workers = [database, secondProcess].map((db, index) =>
      createOutboxWorker({
        db: db.db,
        deliver: transport(index),
        logger: silent,
        maxAttempts: 5,
        pollMs: 1000,
        batchSize: 10,
      }),
    );
    const drain = async (worker: OutboxWorker) => {
      while ((await worker.runOnce()).claimed > 0) {
        // keep going until this worker finds nothing left to claim
      }
    };
    await Promise.all(workers.map(drain));

    expect(deliveries.size).toBe(MESSAGES);
    expect([...deliveries.keys()].every((id) => ids.has(id))).toBe(true);
    const duplicates = [...deliveries.entries()].filter(([, count]) => count !== 1);
    expect(duplicates).toEqual([]);
    expect((perWorker[0] ?? 0) + (perWorker[1] ?? 0)).toBe(MESSAGES);
    // Both really worked at the same time; otherwise this test would prove nothing.
    expect(perWorker[0]).toBeGreaterThan(MESSAGES / 10);
    expect(perWorker[1]).toBeGreaterThan(MESSAGES / 10);

    const statuses = await database.db
      .selectFrom('outbox')
      .select(['status', (eb) => eb.fn.countAll<string>().as('count')])
      .groupBy('status')
      .execute();
    expect(statuses.map((s) => [s.status, Number(s.count)])).toEqual([['sent', MESSAGES]]);
    console.warn(`exactly-once: ${MESSAGES} messages, worker A ${perWorker[0]}, worker B ${perWorker[1]}`);
  });
});
