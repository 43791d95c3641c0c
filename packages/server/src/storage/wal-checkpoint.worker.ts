// Runs on its own thread (see wal-checkpointer.ts): copies committed pages from the WAL into the
// database file, with the fsyncs that takes, while the server's thread goes on answering.
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

const { file, intervalMs } = workerData as { file: string; intervalMs: number };
const connection = new DatabaseSync(file);
// PASSIVE never waits for a lock: what a reader or writer holds is copied on a later turn.
const checkpoint = connection.prepare('PRAGMA wal_checkpoint(PASSIVE)');

let timer: NodeJS.Timeout | undefined;
function turn(): void {
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
