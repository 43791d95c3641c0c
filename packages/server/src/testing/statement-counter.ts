import type { KyselyPlugin } from 'kysely';

/**
 * Counts the SQL statements a piece of work sends to the database (BEGIN and COMMIT not counted:
 * Kysely sends those past its plugins). For statement budgets: every statement is a round trip on
 * PostgreSQL and a turn of SQLite's single connection.
 */
export function statementCounter() {
  let statements = 0;
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      return args.node;
    },
    // Counted as results come back: a query compiled once (storage/precompiled-query.ts) passes
    // transformQuery only the first time, but every run returns a result.
    async transformResult(args) {
      statements++;
      return args.result;
    },
  };
  return {
    plugin,
    async count(work: () => Promise<unknown>): Promise<number> {
      const before = statements;
      await work();
      return statements - before;
    },
  };
}
