import { type Compilable, type CompiledQuery, createQueryId, type Insertable, type Kysely } from 'kysely';
import { prepareOnPostgres } from './postgres-prepared-statements.ts';
import type { DatabaseSchema } from './schema.ts';

/** Stands in for one named argument while the query is built, and becomes its parameter. */
class Slot {
  readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
}

type Slots<A> = { readonly [K in keyof A]: A[K] };

/**
 * A query Kysely builds and compiles once per kind of database, then runs with new arguments. On
 * the hot paths building and compiling a query cost more CPU than SQLite takes to run it (issue
 * 20's profile), so the queries every request runs are written with this. `build` receives
 * stand-ins for the arguments: use each only as a value (a comparison, an inserted or set value),
 * never where Kysely would look at it (`is null`, `in` lists, `limit`); compiling checks that each
 * became exactly one parameter.
 */
export function precompiledQuery<A extends Record<string, unknown>, R>(
  build: (db: Kysely<DatabaseSchema>, args: Slots<A>) => Compilable<R>,
): (db: Kysely<DatabaseSchema>, args: A) => Promise<R[]> {
  // The compiled SQL depends on the dialect only: one per adapter (a transaction shares its database's).
  const compiledFor = new WeakMap<object, CompiledQuery<R>>();
  const compile = (db: Kysely<DatabaseSchema>): CompiledQuery<R> => {
    const made: Slot[] = [];
    const slots = new Proxy({} as Slots<A>, {
      get: (_, name) => {
        const slot = new Slot(String(name));
        made.push(slot);
        return slot;
      },
    });
    const compiled = build(db, slots).compile();
    const lost = made.filter((slot) => !compiled.parameters.includes(slot));
    if (lost.length > 0) throw new Error(`not a parameter: ${lost.map((slot) => slot.name).join(', ')}`);
    prepareOnPostgres(compiled.sql);
    return compiled;
  };
  return async (db, args) => {
    const adapter = db.getExecutor().adapter;
    let compiled = compiledFor.get(adapter);
    if (!compiled) {
      compiled = compile(db);
      compiledFor.set(adapter, compiled);
    }
    const parameters = compiled.parameters.map((p) => (p instanceof Slot ? args[p.name] : p));
    const result = await db.executeQuery<R>({ ...compiled, parameters, queryId: createQueryId() });
    return result.rows;
  };
}

/** The tables a precompiled insert may write, with the row type Kysely takes for each. */
type RowOf<T extends keyof DatabaseSchema> = Insertable<DatabaseSchema[T]>;

/**
 * An insert of one row into `table`, compiled once for each set of columns a row gives (a row
 * leaves a column out, or undefined, to let the database's default stand; as Kysely does). For the
 * rows every send or read writes (issue 20). A row holding an SQL expression instead of a value is
 * built as it comes: only values can be parameters.
 */
export function precompiledInsert<T extends keyof DatabaseSchema & string>(
  table: T,
): (db: Kysely<DatabaseSchema>, row: RowOf<T>) => Promise<void> {
  const byColumns = new Map<string, (db: Kysely<DatabaseSchema>, args: Record<string, unknown>) => Promise<unknown>>();
  return async (db, row) => {
    const values = row as Record<string, unknown>;
    const columns = Object.keys(values).filter((column) => values[column] !== undefined);
    if (columns.some((column) => isExpression(values[column]))) {
      await db.insertInto(table).values(row).execute();
      return;
    }
    const shape = columns.join(',');
    let insert = byColumns.get(shape);
    if (!insert) {
      insert = precompiledQuery<Record<string, unknown>, never>((db, a) =>
        db.insertInto(table).values(Object.fromEntries(columns.map((column) => [column, a[column]])) as RowOf<T>),
      );
      // Call sites give a handful of shapes; the bound only guards against a caller that varies.
      if (byColumns.size >= 32) byColumns.clear();
      byColumns.set(shape, insert);
    }
    await insert(db, values);
  };
}

function isExpression(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'toOperationNode' in value;
}
