// Small numbers are not shown (issue 16 pt 3): a count of 1–4 could single a person out, so it is
// suppressed ("< 5"). Zero is shown: it says that nobody did something, which points at no one.
//
// Secondary suppression, two simple rules:
// 1. A total is given only where every cell it sums is shown. Every shown total then equals the
//    sum of shown cells, so no subtraction within the table reveals a suppressed cell.
// 2. A row or column never has exactly one suppressed cell: if it has one, its smallest other cell
//    is suppressed too (repeated until no line has one). The same total can be had elsewhere (the
//    same period without a breakdown, the answered count beside the answer-time histogram), and
//    "that total minus the shown cells" would otherwise give the one hidden cell exactly.
// What this does not cover: differences between overlapping queries (a week against its seven
// days); the statistics are published to administrators, not the public, and are counts only.

export const SUPPRESSION_THRESHOLD = 5;

/** A shown count, or a suppressed one (`value` null: the true number never leaves the server). */
export type Cell = Readonly<{ value: number | null; suppressed: boolean }>;

export function suppressCount(count: number): Cell {
  return count > 0 && count < SUPPRESSION_THRESHOLD
    ? { value: null, suppressed: true }
    : { value: count, suppressed: false };
}

export type SuppressedGrid = Readonly<{
  cells: Cell[][];
  /** Per row: the row's sum, or null when a cell of the row is suppressed. */
  rowTotals: (number | null)[];
  /** Per column: likewise. */
  columnTotals: (number | null)[];
  grandTotal: number | null;
}>;

/** Which cells of a grid to hide: the small ones, then complements until no line has a single one. */
function hiddenCells(counts: readonly (readonly number[])[], columns: number): boolean[][] {
  const hidden = counts.map((row) =>
    Array.from({ length: columns }, (_, column) => suppressCount(row[column] ?? 0).suppressed),
  );
  const lines: Array<Array<[number, number]>> = [
    ...counts.map((_, row) => Array.from({ length: columns }, (_, column): [number, number] => [row, column])),
    ...Array.from({ length: columns }, (_, column) => counts.map((_, row): [number, number] => [row, column])),
  ];
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (line.filter(([r, c]) => hidden[r]?.[c]).length !== 1) continue;
      // The smallest shown cell of the line, zeros included (a shown zero would give the hidden one away too).
      const candidates = line.filter(([r, c]) => !hidden[r]?.[c]);
      const smallest = candidates.sort(([ra, ca], [rb, cb]) => (counts[ra]?.[ca] ?? 0) - (counts[rb]?.[cb] ?? 0))[0];
      if (!smallest) continue;
      const [r, c] = smallest;
      const row = hidden[r];
      if (row) row[c] = true;
      changed = true;
    }
  }
  return hidden;
}

/** Suppresses a grid of counts (rows × columns) and gives only the totals that reveal nothing. */
export function suppressGrid(counts: readonly (readonly number[])[], columns: number): SuppressedGrid {
  const hidden = hiddenCells(counts, columns);
  const cells = counts.map((row, r) =>
    Array.from(
      { length: columns },
      (_, c): Cell => (hidden[r]?.[c] ? { value: null, suppressed: true } : { value: row[c] ?? 0, suppressed: false }),
    ),
  );
  const sumOf = (list: readonly Cell[]) =>
    list.some((cell) => cell.suppressed) ? null : list.reduce((sum, cell) => sum + (cell.value ?? 0), 0);
  const rowTotals = cells.map(sumOf);
  const columnTotals = Array.from({ length: columns }, (_, column) => sumOf(cells.map((row) => row[column] as Cell)));
  const grandTotal = sumOf(cells.flat());
  return { cells, rowTotals, columnTotals, grandTotal };
}
