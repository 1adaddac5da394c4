import type { Dec } from '../decimal';
import type { Metric } from '../figures/types';
import { LAYERS, type LayerKey } from '../layers';
import { coverageOf, type CoverageOptions } from './coverage';
import { poolGrowth } from './growth';
import { moneyOfTwelfths, ratio, ratioOver } from './numbers';
import { compareByName } from './order';
import { shareOf, sum, valuedCompanies } from './pools';
import type { CompanyYearValue, Coverage, ProfileUsed } from './types';

export interface LayerDetailCompany {
  id: string;
  name: string;
  /** share(c, L), the part of the company's business in this layer. */
  layerShare: number;
  /** a(c, L) = share(c, L) × V(c) in USD millions. */
  value: number;
  /** a(c, L) / P(L); null when P(L) ≤ 0. */
  shareOfLayer: number | null;
  /** (a_Y − a_{Y−1}) / a_{Y−1} of this company; null when it has no value the year before or a_{Y−1} ≤ 0. */
  growth: number | null;
  estimated: boolean;
  /** The exposure profile whose shares were used, when not the base (docs/data-contract.md §2); absent for the base. */
  profile?: ProfileUsed;
}

export interface LayerDetail {
  key: LayerKey;
  name: string;
  /** The pool P(L) in USD millions. */
  value: number;
  /** Like-for-like growth of the pool over the year before (docs/data-contract.md §5); null when the earlier pool is ≤ 0. */
  growth: number | null;
  /** The layer's companies with a value, largest first (by absolute value for operating income), ties by name. */
  companies: LayerDetailCompany[];
  /** Coverage of this layer's companies only: those of the set with share(c, L) > 0. */
  coverage: Coverage;
  /** Some company counted in the pool has an estimated value. */
  estimated: boolean;
}

interface Member {
  row: CompanyYearValue;
  share: Dec;
  attributed: Dec;
  /** a(c, L) the year before; undefined when the company had no value then. */
  earlier: Dec | undefined;
}

/**
 * One layer for one year (docs/data-contract.md §5), company by company: each company's attributed value, its part of the pool and
 * its own growth. `previous` holds the same set's rows for the year before (empty when there is none). Growth is
 * like-for-like: the pool's over the companies with a value in both years, a company's from its own a(c, L) the
 * year before.
 */
export function layerDetail(
  current: readonly CompanyYearValue[],
  previous: readonly CompanyYearValue[],
  key: LayerKey,
  metric: Metric,
  coverage: CoverageOptions = {},
): LayerDetail {
  const layer = LAYERS.find((l) => l.key === key);
  if (!layer) throw new RangeError(`unknown layer ${key}`);
  const before = new Map(valuedCompanies(previous).map((c) => [c.row.id, shareOf(c.row, key).times(c.twelfths)]));
  const members = valuedCompanies(current).flatMap(({ row, twelfths }): Member[] => {
    const share = shareOf(row, key);
    return share.gt(0) ? [{ row, share, attributed: share.times(twelfths), earlier: before.get(row.id) }] : [];
  });
  const pool = sum(members.map((m) => m.attributed));

  const magnitude = metric === 'operating_income' ? (m: Member) => m.attributed.abs() : (m: Member) => m.attributed;
  const ranked = [...members].sort((a, b) => magnitude(b).cmp(magnitude(a)) || compareByName(a.row, b.row));

  return {
    key,
    name: layer.name,
    value: moneyOfTwelfths(pool),
    growth: poolGrowth(previous, current).layers.find((l) => l.key === key)?.growth ?? null,
    companies: ranked.map(({ row, share, attributed, earlier }) => ({
      id: row.id,
      name: row.name,
      layerShare: ratio(share),
      value: moneyOfTwelfths(attributed),
      shareOfLayer: ratioOver(attributed, pool),
      growth: earlier === undefined ? null : ratioOver(attributed.minus(earlier), earlier),
      estimated: row.estimated,
      ...(row.profile ? { profile: { scope: row.profile.scope, fromYear: row.profile.fromYear } } : {}),
    })),
    coverage: coverageOf(
      current.filter((row) => shareOf(row, key).gt(0)),
      coverage,
    ),
    estimated: members.some((m) => m.row.estimated),
  };
}
