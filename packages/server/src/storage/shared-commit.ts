import { type Kysely, sql, type Transaction } from 'kysely';
import type { DatabaseSchema } from './schema.ts';

/** Runs a transaction's body, the same contract as Kysely's `db.transaction().execute(body)`. */
export type TransactionRunner = <T>(body: (trx: Transaction<DatabaseSchema>) => Promise<T>) => Promise<T>;

type Queued = {
  body: (trx: Transaction<DatabaseSchema>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

/**
 * SQLite: transactions asked for in the same turn of the event loop run one after another inside
 * one transaction and share its COMMIT. At COMMIT SQLite copies every page the transaction changed
 * into the WAL; a send changes about 30 pages (its rows and their indexes) and that copy was a
 * third of its cost (issue 20). Pages that several transactions change (the tables' and the
 * time-ordered indexes' last pages) are then written once for all of them.
 *
 * Each body runs inside a savepoint of its own: a body that throws is rolled back alone and its
 * caller gets its error; the others go on. Every caller hears only after the shared COMMIT (the
 * group commit's fsync before a response is unchanged), and if the COMMIT fails, all of them get
 * that failure. A body sees the writes of those before it in the batch, as it would have after
 * their commits. Like any transaction on the one SQLite connection, a body must use the
 * transaction it is given, never the database beside it (that would wait for itself).
 */
export function sharedCommitTransactions(db: Kysely<DatabaseSchema>): TransactionRunner {
  let queue: Queued[] = [];

  const runAlone = (item: Queued) => db.transaction().execute(item.body).then(item.resolve, item.reject);

  const runTogether = async (batch: Queued[]) => {
    const outcomes: Array<() => void> = [];
    try {
      await db.transaction().execute(async (trx) => {
        for (const item of batch) {
          await sql`savepoint shared_commit`.execute(trx);
          try {
            const value = await item.body(trx);
            await sql`release shared_commit`.execute(trx);
            outcomes.push(() => item.resolve(value));
          } catch (error) {
            await sql`rollback to shared_commit`.execute(trx);
            await sql`release shared_commit`.execute(trx);
            outcomes.push(() => item.reject(error));
          }
        }
      });
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    for (const settle of outcomes) settle();
  };

  const flush = () => {
    const batch = queue;
    queue = [];
    const [first] = batch;
    if (batch.length === 1 && first) void runAlone(first);
    else void runTogether(batch);
  };

  return <T>(body: (trx: Transaction<DatabaseSchema>) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      // After the poll phase: every request that arrived in this turn has had its chance to ask.
      if (queue.length === 0) setImmediate(flush);
      queue.push({ body, resolve: resolve as (value: unknown) => void, reject });
    });
}

/** PostgreSQL has a connection per transaction and its own group commit: each runs as asked. */
export function separateTransactions(db: Kysely<DatabaseSchema>): TransactionRunner {
  return (body) => db.transaction().execute(body);
}
