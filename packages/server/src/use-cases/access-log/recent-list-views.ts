import type { AccessEntry } from './record-access.ts';

/**
 * A staff list shows whom each errand is from, so it is an access and goes to the access log. But
 * a receiver sorts, pages back and forth and refreshes the same inbox many times a minute, and an
 * entry for each errand on every page served made the log's inserts half the cost of a list
 * (issue 18 pt 3: 2 000 open errands). So a list entry is written once per staff member, role
 * and errand within this window: the citizen's extract still shows who had their errand in a
 * list, and when, to within five minutes. Opening an errand is always logged (record-access.ts).
 */
export const LIST_VIEW_WINDOW_MS = 5 * 60_000;

/** Bounds the memory of a busy process; forgetting only means logging again. */
const MAX_REMEMBERED = 100_000;

/**
 * The list entries this process wrote within the window. Per process and per database: a
 * second process logs its own views, and nothing is remembered that did not commit.
 */
export class RecentListViews {
  readonly #loggedAt = new Map<string, number>();

  /** The entries that have no entry of this process within the window before `now`. */
  unlogged<T extends AccessEntry>(entries: readonly T[], now: number): T[] {
    return entries.filter((entry) => {
      const at = this.#loggedAt.get(keyOf(entry));
      // A clock set back logs again rather than trusting a time in the future.
      return at === undefined || now - at >= LIST_VIEW_WINDOW_MS || at > now;
    });
  }

  /** Call once the entries have committed. */
  remember(entries: readonly AccessEntry[], now: number): void {
    for (const entry of entries) {
      const key = keyOf(entry);
      // Re-inserted so the map stays in the order of logging, oldest first.
      this.#loggedAt.delete(key);
      this.#loggedAt.set(key, now);
    }
    for (const key of this.#loggedAt.keys()) {
      if (this.#loggedAt.size <= MAX_REMEMBERED) break;
      this.#loggedAt.delete(key);
    }
  }

  get size(): number {
    return this.#loggedAt.size;
  }
}

const keyOf = (entry: AccessEntry) =>
  `${entry.unitHsaId}\u0000${entry.staffHsaId}\u0000${entry.role}\u0000${entry.action}\u0000${entry.errandId}`;

const byDatabase = new WeakMap<object, RecentListViews>();

/** This process's memory for one database (tests open many in one process). */
export function recentListViewsOf(database: object): RecentListViews {
  let recent = byDatabase.get(database);
  if (!recent) {
    recent = new RecentListViews();
    byDatabase.set(database, recent);
  }
  return recent;
}
