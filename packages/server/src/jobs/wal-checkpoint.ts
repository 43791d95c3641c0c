import fs from 'node:fs/promises';
import type { Database } from '../storage/database.ts';

/** Checked this often; a checkpoint runs only when the WAL has grown past the threshold. */
const INTERVAL_MS = 30_000;
const THRESHOLD_BYTES = 16 * 1024 * 1024;
/** A reader blocking truncation for longer than this is worth an operator's look. */
const BLOCKED_WARNING_MS = 10 * 60_000;

type CheckpointLogger = { warn(fields: object, message: string): void; info(fields: object, message: string): void };

export type WalCheckpointer = {
  /** One look: checkpoint with truncation if the WAL is past the threshold. */
  runOnce(): Promise<'not-needed' | 'truncated' | 'blocked'>;
  stop(): void;
};

/**
 * Keeps SQLite's write-ahead log small. SQLite's automatic checkpoints never shrink the file, and
 * none can finish while a reader (a backup, an operator's sqlite3 shell, another process) holds an
 * older snapshot: the WAL then grows for as long as the reader stays. This truncates it as soon as
 * readers allow, and warns when one has held it back for long (`kontakta_sqlite_wal_bytes` shows
 * the size). The server's own transactions are short; it holds no long reads itself.
 */
export function startWalCheckpoints(
  database: Database,
  logger: CheckpointLogger,
  clock: () => number = Date.now,
): WalCheckpointer {
  let blockedSince: number | undefined;
  let warned = false;
  const runOnce = async (): Promise<'not-needed' | 'truncated' | 'blocked'> => {
    if (!database.walFile || !database.checkpoint) return 'not-needed';
    const size = await fs.stat(database.walFile).then(
      (stat) => stat.size,
      () => 0,
    );
    if (size < THRESHOLD_BYTES) return 'not-needed';
    const { busy } = await database.checkpoint();
    if (!busy) {
      if (warned) logger.info({ walBytes: size }, 'the WAL was truncated again after a reader let go');
      blockedSince = undefined;
      warned = false;
      return 'truncated';
    }
    blockedSince ??= clock();
    if (!warned && clock() - blockedSince >= BLOCKED_WARNING_MS) {
      warned = true;
      logger.warn(
        { walBytes: size, blockedMinutes: Math.round((clock() - blockedSince) / 60_000) },
        'a reader holds an old snapshot, so the SQLite WAL cannot be truncated (a long backup or an open sqlite3 shell?)',
      );
    }
    return 'blocked';
  };
  const timer = setInterval(() => {
    runOnce().catch((error: unknown) =>
      logger.warn({ err: { message: (error as Error).message } }, 'WAL checkpoint failed'),
    );
  }, INTERVAL_MS);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
