import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Adapts Node's built-in `node:sqlite` to the small interface Kysely's SqliteDialect drives.
 * Built in means no native addon to compile or download, whichever Node runs us.
 */
export function openNodeSqlite(file: string, onCommit?: () => void): { database: SqliteDatabase; raw: DatabaseSync } {
  const raw = new DatabaseSync(file, { enableForeignKeyConstraints: true });
  // Statements are cached: Kysely prepares the same SQL text over and over.
  const cache = new Map<string, SqliteStatement>();
  const database: SqliteDatabase = {
    close: () => raw.close(),
    prepare(text) {
      // Kysely opens transactions with a plain (deferred) BEGIN. Ours write, and a deferred one
      // that has read cannot wait for another process's write lock (SQLITE_BUSY at once, however
      // long busy_timeout is); IMMEDIATE takes the lock first and waits for it like any write.
      const sql = text === 'begin' ? 'begin immediate' : text;
      let statement = cache.get(sql);
      if (!statement) {
        statement = adapt(
          raw.prepare(sql),
          onCommit && WRITE.test(sql) ? () => raw.isTransaction || onCommit() : undefined,
        );
        if (cache.size > 500) cache.clear();
        cache.set(sql, statement);
      }
      return statement;
    },
  };
  return { database, raw };
}

/** Statements that end in a commit when run outside a transaction (reads never do). */
const WRITE =
  /^\s*(insert|update|delete|replace|create|drop|alter|commit|end|with|vacuum|reindex|analyze|pragma\s+\w+\s*=)/i;

function adapt(statement: StatementSync, afterWrite?: () => void): SqliteStatement {
  // A statement that returns columns is a reader (SELECT, or anything with RETURNING).
  const reader = statement.columns().length > 0;
  const args = (parameters: ReadonlyArray<unknown>) => parameters as Parameters<StatementSync['all']>;
  if (!afterWrite)
    return {
      reader,
      all: (parameters) => statement.all(...args(parameters)),
      run: (parameters) => statement.run(...args(parameters)),
      iterate: (parameters) => statement.iterate(...args(parameters)),
    };
  return {
    reader,
    all: (parameters) => {
      const rows = statement.all(...args(parameters));
      afterWrite();
      return rows;
    },
    run: (parameters) => {
      const result = statement.run(...args(parameters));
      afterWrite();
      return result;
    },
    iterate: (parameters) => {
      // Kysely streams only SELECTs; a write would be committed before its rows are read.
      const rows = statement.all(...args(parameters));
      afterWrite();
      return rows[Symbol.iterator]();
    },
  };
}
