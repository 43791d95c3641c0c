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

/**
 * Which cells of a grid to hide: the small ones, then complements until no line has a single one.
 * Lines are visited rows first, then columns, pass after pass until a pass changes nothing; each
 * line's hidden cells are counted as they change, so a pass costs a look at every line, and only
 * a line with exactly one hidden cell is read through (a grid of 92 days × 300 units has 27 600 cells).
 */
function hiddenCells(counts: readonly (readonly number[])[], columns: number): boolean[][] {
  const rows = counts.length;
  const count = (r: number, c: number) => counts[r]?.[c] ?? 0;
  const hidden = counts.map((_, r) => Array.from({ length: columns }, (_, c) => suppressCount(count(r, c)).suppressed));
  const rowHidden = hidden.map((row) => row.filter(Boolean).length);
  const columnHidden = Array.from({ length: columns }, (_, c) => hidden.filter((row) => row[c]).length);
  const hide = (r: number, c: number) => {
    (hidden[r] as boolean[])[c] = true;
    rowHidden[r] = (rowHidden[r] ?? 0) + 1;
    columnHidden[c] = (columnHidden[c] ?? 0) + 1;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let line = 0; line < rows + columns; line++) {
      const isRow = line < rows;
      const index = isRow ? line : line - rows;
      if ((isRow ? rowHidden[index] : columnHidden[index]) !== 1) continue;
      // The smallest shown cell of the line (the first of equals), zeros included (a shown zero
      // would give the hidden one away too).
      let smallest: [number, number] | undefined;
      const length = isRow ? columns : rows;
      for (let at = 0; at < length; at++) {
        const [r, c] = isRow ? [index, at] : [at, index];
        if (hidden[r]?.[c]) continue;
        if (!smallest || count(r, c) < count(smallest[0], smallest[1])) smallest = [r, c];
      }
      if (!smallest) continue;
      hide(smallest[0], smallest[1]);
      changed = true;
    }
  }
  return hidden;
}

const SUPPRESSED: Cell = Object.freeze({ value: null, suppressed: true });

/**
 * Suppresses a grid of counts (rows × columns) and gives only the totals that reveal nothing. One
 * pass over the cells builds them and every total (a row's or column's sum, null where a cell
 * of it is hidden), without a list per column.
 */
export function suppressGrid(counts: readonly (readonly number[])[], columns: number): SuppressedGrid {
  const hidden = hiddenCells(counts, columns);
  const rowTotals: (number | null)[] = [];
  const columnSums = new Array<number>(columns).fill(0);
  const columnHidden = new Array<boolean>(columns).fill(false);
  let grand = 0;
  let anyHidden = false;
  const cells = counts.map((row, r) => {
    const line: Cell[] = [];
    let sum = 0;
    let rowHidden = false;
    for (let c = 0; c < columns; c++) {
      if (hidden[r]?.[c]) {
        line.push(SUPPRESSED);
        rowHidden = true;
        columnHidden[c] = true;
      } else {
        const value = row[c] ?? 0;
        line.push({ value, suppressed: false });
        sum += value;
        columnSums[c] = (columnSums[c] ?? 0) + value;
      }
    }
    rowTotals.push(rowHidden ? null : sum);
    anyHidden ||= rowHidden;
    grand += sum;
    return line;
  });
  const columnTotals = columnSums.map((sum, c) => (columnHidden[c] ? null : sum));
  return { cells, rowTotals, columnTotals, grandTotal: anyHidden ? null : grand };
}
