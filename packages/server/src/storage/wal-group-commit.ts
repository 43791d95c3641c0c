import fs from 'node:fs/promises';

/**
 * Group commit for SQLite in WAL mode. With `synchronous=FULL`, every commit fsyncs the WAL on
 * the event loop's own thread (node:sqlite is synchronous), so the whole server stops for each
 * commit. Instead the server runs `synchronous=NORMAL` — commits only write the WAL — and this
 * fsyncs the WAL on libuv's thread pool, one fsync for all commits made meanwhile. No response
 * leaves before every commit made until then is synced (`whenDurable`), so a confirmed write
 * survives power loss exactly as with FULL; SQLite itself syncs around checkpoints and when the
 * WAL is reused, as its NORMAL mode documents.
 */
export type WalGroupCommit = {
  /** Called after each commit (an explicit COMMIT or a write outside a transaction). */
  committed(): void;
  /** Undefined when everything committed is already synced; otherwise settles once it is. */
  whenDurable(): Promise<void> | undefined;
};

/** One fsync that succeeded: how long it took and how many commits it made durable (for metrics). */
export type GroupCommitSync = Readonly<{ seconds: number; commits: number }>;

export function walGroupCommit(
  walFile: string,
  sync = syncFile,
  onSynced: (observed: GroupCommitSync) => void = () => {},
): WalGroupCommit {
  let committedCount = 0;
  let syncedCount = 0;
  let syncing = false;
  let failure: unknown;
  const waiters: Array<{ upTo: number; resolve: () => void; reject: (error: unknown) => void }> = [];

  const settle = () => {
    for (let i = waiters.length - 1; i >= 0; i--) {
      const waiter = waiters[i] as (typeof waiters)[number];
      if (failure !== undefined) waiter.reject(failure);
      else if (waiter.upTo <= syncedCount) waiter.resolve();
      else continue;
      waiters.splice(i, 1);
    }
  };

  // Counting must never stop the loop: a throwing observer would leave `syncing` set for good.
  const observe = (observed: GroupCommitSync) => {
    try {
      onSynced(observed);
    } catch {}
  };

  const run = async () => {
    while (syncedCount < committedCount && failure === undefined) {
      const target = committedCount;
      const started = performance.now();
      let observed: GroupCommitSync | undefined;
      try {
        await sync(walFile);
        observed = { seconds: (performance.now() - started) / 1000, commits: target - syncedCount };
        syncedCount = target;
      } catch (error) {
        // After a failed fsync nobody knows what reached the disk: refuse every waiting and
        // later confirmation rather than report a write as safe (the lesson of "fsyncgate").
        failure = error;
      }
      settle();
      if (observed) observe(observed);
    }
    syncing = false;
  };

  return {
    committed() {
      committedCount++;
      if (!syncing) {
        syncing = true;
        void run();
      }
    },
    whenDurable() {
      if (failure !== undefined) return Promise.reject(failure);
      if (syncedCount >= committedCount) return undefined;
      const upTo = committedCount;
      return new Promise<void>((resolve, reject) => {
        waiters.push({ upTo, resolve, reject });
      });
    },
  };
}

async function syncFile(file: string): Promise<void> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    // No WAL file: nothing has been written since the last checkpoint removed it.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
