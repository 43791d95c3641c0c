/** Enough for every unit's offering, settings and forms of a large region; past it, reads go to the database. */
const MAX_ENTRIES = 20_000;

/**
 * This process's copy of the reference data that sends and opens read on every request (a unit's
 * offering and settings, its region's frame, its closures, form versions), so they cost no
 * statement. The database counts every change to those tables (triggers, migration -24) and every
 * session lookup reads that count: a count newer than the cache's empties it before the request
 * reads anything. So no request that starts after a change commits sees the old data, whichever
 * process made the change (an admin route, a job, the CLI, another server).
 */
export class ReferenceCache {
  #generation = -1;
  readonly #entries = new Map<string, unknown>();

  /** The change count a session lookup read; counts only grow, an older one (a slower request) is ignored. */
  observe(generation: number): void {
    if (generation <= this.#generation) return;
    this.#generation = generation;
    this.#entries.clear();
  }

  /**
   * The cached value for `key`, or what `load` reads (then kept). Nothing is kept before a session
   * was looked up (tools and jobs: nothing would tell them of changes), nor when the count moved
   * while `load` ran. `load` must not read inside a transaction that changes reference data.
   */
  async read<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.#generation < 0) return load();
    if (this.#entries.has(key)) return this.#entries.get(key) as T;
    const generation = this.#generation;
    const value = await load();
    if (generation === this.#generation && this.#entries.size < MAX_ENTRIES) this.#entries.set(key, freeze(value));
    return value;
  }
}

/** Shared between requests: nobody may change what another request reads. */
function freeze<T>(value: T): T {
  if (Array.isArray(value)) for (const item of value) Object.freeze(item);
  return Object.freeze(value);
}
