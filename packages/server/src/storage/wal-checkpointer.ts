import { Worker } from 'node:worker_threads';

/**
 * SQLite's automatic checkpoint runs inside the COMMIT that crosses 1 000 WAL pages, on the
 * connection's thread — for the server, the event loop, which then stops 30 ms or more for two
 * fsyncs every few dozen writes. The server turns it off and checkpoints here instead, on a
 * worker thread with its own connection, a few times a second. Checkpoints never decide what is
 * durable (the WAL is synced before anything is confirmed); they only keep the WAL short so
 * reads stay fast. jobs/wal-checkpoint.ts still truncates the file when a long reader made it grow.
 */
export type WalCheckpointer = { stop(): Promise<void> };

const INTERVAL_MS = 100;

/** `onFailure`: the worker died (it could not open the file, say); the caller checkpoints itself again. */
export function startWalCheckpointer(file: string, onFailure: () => void): WalCheckpointer {
  const worker = new Worker(new URL('./wal-checkpoint.worker.js', import.meta.url), {
    workerData: { file, intervalMs: INTERVAL_MS },
  });
  // It must never keep a process alive, nor take it down: a failed checkpoint is retried later.
  worker.unref();
  let stopping = false;
  worker.on('error', () => {});
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      if (!stopping) onFailure();
      resolve();
    }),
  );
  return {
    async stop() {
      stopping = true;
      // Waited for, it must keep the process alive: a server that fails to start (a migration
      // refused) stops it with nothing else running, and Node would otherwise exit mid-await
      // (code 13) without ever printing why.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
