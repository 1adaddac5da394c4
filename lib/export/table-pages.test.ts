import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paginateTables } from './table-pages';

describe('paginateTables', () => {
  it('stacks small tables on one page', () => {
    expect(paginateTables([3, 4, 2], 28)).toEqual([
      [
        { table: 0, from: 0, to: 3, continued: false },
        { table: 1, from: 0, to: 4, continued: false },
        { table: 2, from: 0, to: 2, continued: false },
      ],
    ]);
  });

  it('continues a long table on the next page, caption and header repeated', () => {
    expect(paginateTables([5, 30], 20)).toEqual([
      [
        { table: 0, from: 0, to: 5, continued: false },
        { table: 1, from: 0, to: 10, continued: false },
      ],
      [{ table: 1, from: 10, to: 28, continued: true }],
      [{ table: 1, from: 28, to: 30, continued: true }],
    ]);
  });

  it('puts every row on exactly one page, in order, and never overfills a page', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(60), { maxLength: 8 }), fc.integer({ min: 3, max: 40 }), (counts, capacity) => {
        const pages = paginateTables(counts, capacity);
        const segments = pages.flat();
        counts.forEach((rows, table) => {
          const mine = segments.filter((s) => s.table === table);
          expect(mine[0]?.from).toBe(0);
          expect(mine.at(-1)?.to).toBe(rows);
          mine.slice(1).forEach((s, i) => expect(s.from).toBe(mine[i]!.to));
        });
        for (const page of pages) {
          const lines = page.reduce((sum, s, i) => sum + (i ? 1 : 0) + 2 + (s.to - s.from), 0);
          expect(lines).toBeLessThanOrEqual(capacity);
        }
      }),
    );
  });
});
