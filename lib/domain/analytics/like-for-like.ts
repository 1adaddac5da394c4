import type { CompanyYearValue } from './types';

/** How many companies a like-for-like answer keeps, of how many in the set. */
export interface LikeForLike {
  companies: number;
  of: number;
}

/**
 * Like-for-like over a range of years (`likeForLike=1` on /series and /gap): only the companies with a value in
 * every year of `from`–`to` that has any value at all, so each plotted year sums the same companies. A year no
 * company reported is not a year anyone could be present in (the charts leave such leading years out), so it does
 * not empty the set. Every year of `byYear` (a series also reads the year before `from`, for growth) keeps only
 * those companies' rows.
 */
export function likeForLikeRows(
  byYear: ReadonlyMap<number, readonly CompanyYearValue[]>,
  { from, to }: { from: number; to: number },
): { byYear: Map<number, CompanyYearValue[]>; likeForLike: LikeForLike } {
  const everyone = new Set<string>();
  let kept: Set<string> | null = null;
  for (let year = from; year <= to; year++) {
    const rows = byYear.get(year) ?? [];
    for (const row of rows) everyone.add(row.id);
    const valued = rows.filter((row) => row.twelfths !== null).map((row) => row.id);
    if (valued.length === 0) continue;
    kept = kept === null ? new Set(valued) : new Set(valued.filter((id) => kept!.has(id)));
  }
  const keep = kept ?? new Set<string>();
  const filtered = new Map<number, CompanyYearValue[]>();
  for (const [year, rows] of byYear)
    filtered.set(
      year,
      rows.filter((row) => keep.has(row.id)),
    );
  return { byYear: filtered, likeForLike: { companies: keep.size, of: everyone.size } };
}
