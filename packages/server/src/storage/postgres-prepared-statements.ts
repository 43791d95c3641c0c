import type pg from 'pg';

/**
 * The hot queries (those compiled once, precompiled-query.ts) run on PostgreSQL as named prepared
 * statements: each connection parses and plans one the first time, and afterwards sends only its
 * parameters. Unnamed, PostgreSQL parsed and planned every one of them on every request, which
 * made it the busiest process on the machine for simple indexed reads (issue 20).
 */
const nameOf = new Map<string, string>();

/** Marks an SQL text as one to prepare; the same text always gets the same name. */
export function prepareOnPostgres(sql: string): void {
  if (!nameOf.has(sql)) nameOf.set(sql, `kontakta_${nameOf.size + 1}`);
}

type Query = (text: unknown, values?: unknown) => Promise<pg.QueryResult>;

/**
 * Makes a pool client run the marked texts as named statements. A statement prepared before a
 * migration changed its table's columns fails with "cached plan must not change result type"
 * (while an older process runs beside a newer one's migration): the client then runs that text
 * unnamed from there on.
 */
export function runMarkedTextsPrepared(client: pg.PoolClient): void {
  const query = client.query.bind(client) as Query;
  const stale = new Set<string>();
  const prepared: Query = async (text, values) => {
    const name = typeof text === 'string' ? nameOf.get(text) : undefined;
    if (name === undefined || stale.has(name)) return query(text, values);
    try {
      return await query({ name, text, values });
    } catch (error) {
      if ((error as { code?: string }).code === CACHED_PLAN_CHANGED) stale.add(name);
      throw error;
    }
  };
  client.query = prepared as typeof client.query;
}

/** SQLSTATE feature_not_supported, which PostgreSQL raises for a prepared plan whose result type changed. */
const CACHED_PLAN_CHANGED = '0A000';
