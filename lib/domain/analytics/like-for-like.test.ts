import { describe, expect, it } from 'vitest';
import { likeForLikeRows } from './like-for-like';
import { unvalued, valued } from './test-rows';
import type { CompanyYearValue } from './types';

const chips = { chips: '1' };
/**
 *            2019     2020   2021   2022
 *   Alpha      —        10     11     12
 *   Beta       —        20      —     22
 *   Gamma      —        30     31     32
 * 2019: nobody reported (a year before the first figure).
 */
const byYear = new Map<number, CompanyYearValue[]>([
  [2019, [unvalued('a', 'Alpha', chips), unvalued('b', 'Beta', chips), unvalued('c', 'Gamma', chips)]],
  [2020, [valued('a', 'Alpha', chips, '10'), valued('b', 'Beta', chips, '20'), valued('c', 'Gamma', chips, '30')]],
  [2021, [valued('a', 'Alpha', chips, '11'), unvalued('b', 'Beta', chips), valued('c', 'Gamma', chips, '31')]],
  [2022, [valued('a', 'Alpha', chips, '12'), valued('b', 'Beta', chips, '22'), valued('c', 'Gamma', chips, '32')]],
]);

describe('likeForLikeRows', () => {
  it('keeps the companies with a value in every year of data, in every year, and counts them of the set', () => {
    const { byYear: kept, likeForLike } = likeForLikeRows(byYear, { from: 2019, to: 2022 });
    expect(likeForLike).toEqual({ companies: 2, of: 3 });
    expect([...kept.entries()].map(([year, rows]) => [year, rows.map((r) => r.id)])).toEqual([
      [2019, ['a', 'c']],
      [2020, ['a', 'c']],
      [2021, ['a', 'c']],
      [2022, ['a', 'c']],
    ]);
  });

  it('judges presence only in the range asked for, while filtering every year it was given (the year before, for growth)', () => {
    const { byYear: kept, likeForLike } = likeForLikeRows(byYear, { from: 2022, to: 2022 });
    expect(likeForLike).toEqual({ companies: 3, of: 3 });
    expect(kept.get(2021)!.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps nobody when no year of the range has data', () => {
    expect(likeForLikeRows(byYear, { from: 2019, to: 2019 }).likeForLike).toEqual({ companies: 0, of: 3 });
  });
});
