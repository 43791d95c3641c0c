import { type Compilable, type CompiledQuery, createQueryId, type Kysely } from 'kysely';
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
