// Runs on its own thread (see wal-checkpointer.ts): copies committed pages from the WAL into the
// database file, with the fsyncs that takes, while the server's thread goes on answering.
// Plain JavaScript: a worker thread is a V8 isolate of its own, and one started on a .ts file
// loads Node's TypeScript stripper into it too, about 10 MB more of the server's resident memory
// for these few lines (issue 20 pt 5).
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

/** @type {{ file: string; intervalMs: number }} */
const { file, intervalMs } = workerData;
const connection = new DatabaseSync(file);
// PASSIVE never waits for a lock: what a reader or writer holds is copied on a later turn.
const checkpoint = connection.prepare('PRAGMA wal_checkpoint(PASSIVE)');

/** @type {NodeJS.Timeout | undefined} */
let timer;
function turn() {
  try {
    checkpoint.get();
  } catch {
    // Another checkpoint is running (the truncating one, or a tool's): the next turn goes on.
  }
  timer = setTimeout(turn, intervalMs);
}
turn();

parentPort?.once('message', () => {
  clearTimeout(timer);
  connection.close();
  parentPort?.close();
});
