/** A run of one table's rows on one page: rows `from` (inclusive) to `to` (exclusive). */
export interface TableSegment {
  table: number;
  from: number;
  to: number;
  /** The table began on an earlier page, so its caption says "continued". */
  continued: boolean;
}

/** Lines a segment takes beyond its rows: the caption and the header row. */
const SEGMENT_OVERHEAD = 2;
/** A blank line between two tables on a page. */
const TABLE_GAP = 1;

/**
 * Tables stacked down pages of `capacity` lines each, in order: a table that does not fit the rest of a page fills
 * it (when at least one row fits with its caption and header) and goes on at the top of the next, its header
 * repeated. Every row is on exactly one page; a table without rows still gets its caption and header.
 */
export function paginateTables(rowCounts: readonly number[], capacity: number): TableSegment[][] {
  if (capacity < SEGMENT_OVERHEAD + 1) throw new Error(`A page needs room for a caption, a header and a row (${capacity}).`);
  const pages: TableSegment[][] = [[]];
  let used = 0;
  rowCounts.forEach((rows, table) => {
    let from = 0;
    let placed = false;
    while (!placed || from < rows) {
      const gap = pages.at(-1)!.length ? TABLE_GAP : 0;
      const room = capacity - used - gap - SEGMENT_OVERHEAD;
      if (room < Math.min(1, rows - from)) {
        pages.push([]);
        used = 0;
        continue;
      }
      const to = Math.min(rows, from + room);
      pages.at(-1)!.push({ table, from, to, continued: from > 0 });
      used += gap + SEGMENT_OVERHEAD + (to - from);
      from = to;
      placed = true;
    }
  });
  return pages.filter((page) => page.length > 0);
}
