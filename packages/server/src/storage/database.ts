import fs from 'node:fs';
import path from 'node:path';
import { Kysely, type KyselyConfig, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { type DatabaseConfig, DEFAULT_SQLITE_CACHE_MB } from '../config/config.ts';
import { runMarkedTextsPrepared } from './postgres-prepared-statements.ts';
import { ReferenceCache } from './reference-cache.ts';
import type { DatabaseSchema } from './schema.ts';
import { separateTransactions, sharedCommitTransactions, type TransactionRunner } from './shared-commit.ts';
import { openNodeSqlite } from './sqlite-driver.ts';
import { startWalCheckpointer } from './wal-checkpointer.ts';
import { type GroupCommitSync, walGroupCommit } from './wal-group-commit.ts';

export type Dialect = DatabaseConfig['dialect'];

export type Database = {
  readonly db: Kysely<DatabaseSchema>;
  readonly dialect: Dialect;
  /** SQLite with group commit (see wal-group-commit.ts): durable once `whenDurable` settles. */
  readonly groupCommit: boolean;
  /**
   * A write transaction that may share its COMMIT with others asked for in the same turn of the
   * event loop (SQLite; see shared-commit.ts). For frequent small writes such as sends; on
   * PostgreSQL a transaction of its own.
   */
  readonly sharedCommit: TransactionRunner;
  /** Reference data read on every send and open, kept while no change is committed (reference-cache.ts). */
  readonly referenceCache: ReferenceCache;
  /** Undefined when every commit so far is durable; otherwise settles when it is. */
  whenDurable(): Promise<void> | undefined;
  /** PostgreSQL: the connection pool's clients right now, for metrics. */
  readonly poolUse?: () => PoolUse;
  /**
   * PostgreSQL: opens every connection of the pool, so that the first busy minute does not wait
   * for PostgreSQL to start backends (they are kept open from then on).
   */
  readonly openPool?: () => Promise<void>;
  /** SQLite in a file: the write-ahead log, whose size operators watch (checkpoints keep it small). */
  readonly walFile?: string;
  /**
   * SQLite in a file: copies the WAL into the database and truncates it to nothing, if no reader
   * holds an older snapshot (`busy` then, and the WAL stays as it is until the next try).
   */
  readonly checkpoint?: () => Promise<{ busy: boolean }>;
  close(): Promise<void>;
};

/** `waiting`: queries queued for a client because all `max` are busy. */
export type PoolUse = Readonly<{ total: number; idle: number; waiting: number; max: number }>;

export type OpenOptions = {
  /**
   * SQLite only: sync the WAL off the event loop for many commits at once instead of on every
   * commit. The server uses it and awaits `whenDurable` before each response; tools that run
   * alone (CLI, tests) keep synchronous=FULL.
   */
  groupCommit?: boolean;
  /** With group commit: told about every fsync (its time and how many commits it covered). */
  onGroupCommitSync?: (sync: GroupCommitSync) => void;
  /** Told about every statement run (for metrics). */
  onStatement?: () => void;
};

/**
 * Opens the configured database with the settings that make a confirmed write durable.
 * Whether those settings actually hold is checked separately (durability.ts), because on
 * PostgreSQL they belong to the server, not to us.
 */
// bigint (int8) columns hold epoch milliseconds and counts, both far inside Number's safe range;
// parse them as numbers so rows look the same as on SQLite.
const INT8_OID = 20;
function getTypeParser(oid: number, format?: 'text' | 'binary') {
  if (oid === INT8_OID && format !== 'binary') return (value: string) => Number(value);
  return pg.types.getTypeParser(oid, format);
}

const alreadyDurable = () => undefined;

/** Kysely's log hook, which sees every statement, when someone counts them. */
function statementLog(options: OpenOptions): Pick<KyselyConfig, 'log'> {
  const { onStatement } = options;
  return onStatement ? { log: (event) => (event.level === 'query' ? onStatement() : undefined) } : {};
}

/** The WAL is truncated to this after each checkpoint that resets it (64 MiB). */
export const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

export function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Database {
  if (config.dialect === 'postgres') {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.poolSize,
      // Kept open once opened (openPool opens them all at start): a connection opened in a burst
      // costs PostgreSQL a new backend with cold caches while requests queue behind it (issue 20:
      // the pool grew from 5 to 10 connections in the first seconds of a benchmark step, its
      // first commits holding connections 140–220 ms). Idle ones were closed after 10 s before.
      min: config.poolSize,
      types: { getTypeParser },
      // A transaction left open holds back vacuum and the WAL; none of ours waits this long idle.
      idle_in_transaction_session_timeout: 5 * 60_000,
    });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    pool.on('connect', runMarkedTextsPrepared);
    const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }), ...statementLog(options) });
    const poolUse = () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: config.poolSize,
    });
    const openPool = async () => {
      const clients = await Promise.all(Array.from({ length: config.poolSize }, () => pool.connect()));
      for (const client of clients) client.release();
    };
    return {
      db,
      dialect: 'postgres',
      openPool,
      groupCommit: false,
      sharedCommit: separateTransactions(db),
      referenceCache: new ReferenceCache(),
      whenDurable: alreadyDurable,
      poolUse,
      close: () => db.destroy(),
    };
  }

  if (config.file !== ':memory:') fs.mkdirSync(path.dirname(config.file), { recursive: true });
  const walFile = config.file === ':memory:' ? undefined : `${config.file}-wal`;
  const groupCommit =
    options.groupCommit === true && walFile ? walGroupCommit(walFile, undefined, options.onGroupCommitSync) : undefined;
  const { database, raw } = openNodeSqlite(config.file, groupCommit?.committed);
  // WAL lets readers run beside the writer; FULL syncs the WAL on every commit so a confirmed
  // errand survives power loss, not only a crash of our process. Group commit gets the same
  // guarantee from NORMAL plus its own fsync before any response is sent.
  raw.exec('PRAGMA journal_mode = WAL');
  raw.exec(groupCommit ? 'PRAGMA synchronous = NORMAL' : 'PRAGMA synchronous = FULL');
  raw.exec('PRAGMA foreign_keys = ON');
  raw.exec('PRAGMA busy_timeout = 5000');
  // After a checkpoint resets the WAL, SQLite truncates the file to this (it never shrinks by
  // itself: one long-held reader grew it to 238 MiB for good). See jobs/wal-checkpoint.ts.
  raw.exec(`PRAGMA journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  // SQLite's own page cache is 2 MB by default; past that every page is a read() from the OS
  // cache, and a unit's inbox at national scale touches pages all over the table. Bigger is not
  // better either: every COMMIT walks the cache (see DEFAULT_SQLITE_CACHE_MB). Grown on demand.
  raw.exec(`PRAGMA cache_size = -${(config.cacheMegabytes ?? DEFAULT_SQLITE_CACHE_MB) * 1024}`);
  // Table statistics, so the planner picks the selective index (a caregiver's own errands by
  // assignee rather than by unit) as SQLite recommends on opening; sampled, so it takes
  // milliseconds even on a national database, and a no-op on an empty one.
  raw.exec('PRAGMA analysis_limit = 400');
  raw.exec('PRAGMA optimize = 0x10002');
  // The server checkpoints on a worker thread instead of inside a COMMIT on the event loop.
  let checkpointer: ReturnType<typeof startWalCheckpointer> | undefined;
  if (groupCommit && walFile) {
    raw.exec('PRAGMA wal_autocheckpoint = 0');
    checkpointer = startWalCheckpointer(config.file, () => {
      if (raw.isOpen) raw.exec('PRAGMA wal_autocheckpoint = 1000');
    });
  }
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database }), ...statementLog(options) });
  return {
    db,
    dialect: 'sqlite',
    groupCommit: groupCommit !== undefined,
    sharedCommit: sharedCommitTransactions(db),
    referenceCache: new ReferenceCache(),
    whenDurable: groupCommit ? groupCommit.whenDurable : alreadyDurable,
    walFile,
    checkpoint: async () => {
      const result = await sql<{ busy: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
      return { busy: (result.rows[0]?.busy ?? 0) !== 0 };
    },
    async close() {
      await groupCommit?.whenDurable();
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}
