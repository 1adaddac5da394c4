import { LAYERS, type LayerKey } from '../layers';
import type { Metric } from '../figures/types';
import { concentrationOf, NO_CONCENTRATION } from './concentration';
import { coverageOf } from './coverage';
import { moneyOfTwelfths, ratioOver } from './numbers';
import { compareByName } from './order';
import { layerMembers, sum, valuedCompanies, type LayerMember } from './pools';
import type { CompanyYearValue, Coverage } from './types';

export interface TopCompany {
  id: string;
  name: string;
  /** a(c, L) in USD millions. */
  value: number;
  /** a(c, L) / P(L); null when P(L) ≤ 0. */
  share: number | null;
}

export interface LayerAggregate {
  key: LayerKey;
  name: string;
  /** The pool P(L) in USD millions. */
  value: number;
  /** P(L) / T; null when T ≤ 0. */
  share: number | null;
  hhi: number | null;
  cr3: number | null;
  effectiveCompanies: number | null;
  /** Included companies with share(c, L) > 0, whatever the sign of their value. */
  companies: number;
  /** Companies of the set with share(c, L) > 0 but no value: the layer's own coverage gap. */
  missing: number;
  top: TopCompany[];
  /** The layer's companies after the top ones: top.length + others.count = companies. */
  others: { value: number; count: number };
}

export interface LayersAggregate {
  /** T = Σ_L P(L), gross: one layer's revenue is often another's spend. */
  total: number;
  /** Some company counted in a layer (a value and a share > 0) has an estimated value. */
  estimated: boolean;
  /** All six layers, in stack order. */
  layers: LayerAggregate[];
  coverage: Coverage;
}

/**
 * The reference (the oracle the endpoints are tested against; they answer with the one-pass `yearLayers` of
 * `./year-aggregates.ts`, which must equal it). Where a metric's value sits across the six layers for one year and
 * set of companies (docs/data-contract.md §5). Pools and the
 * total are exact and rounded only for output, so the layer values may differ from the total by a few millionths.
 *
 * Top companies are ordered by attributed value, descending (by absolute value for operating income, so large
 * losses show), ties by name then id. A top company's share is its signed part of the layer's pool; for
 * operating income it may be negative or above 1 when the layer mixes profits and losses, and it is null when the
 * pool is ≤ 0 (a part of a loss reads backwards). Concentration is null for operating income.
 */
export function aggregateLayers(
  rows: readonly CompanyYearValue[],
  metric: Metric,
  { top = 5 }: { top?: number } = {},
): LayersAggregate {
  if (!Number.isInteger(top) || top < 0) throw new RangeError(`top must be a whole number ≥ 0, not ${top}`);
  const companies = valuedCompanies(rows);
  const layers = LAYERS.map((layer) => {
    const members = layerMembers(companies, layer.key);
    return { layer, members, pool: sum(members.map((m) => m.attributed)) };
  });
  const total = sum(layers.map((l) => l.pool));

  const magnitude = metric === 'operating_income' ? (m: LayerMember) => m.attributed.abs() : (m: LayerMember) => m.attributed;
  const byRank = (a: LayerMember, b: LayerMember) => magnitude(b).cmp(magnitude(a)) || compareByName(a, b);

  return {
    total: moneyOfTwelfths(total),
    estimated: layers.some(({ members }) => members.some((m) => m.estimated)),
    layers: layers.map(({ layer, members, pool }) => {
      const ranked = [...members].sort(byRank);
      const rest = ranked.slice(top);
      return {
        key: layer.key,
        name: layer.name,
        value: moneyOfTwelfths(pool),
        share: ratioOver(pool, total),
        ...(metric === 'operating_income' ? NO_CONCENTRATION : concentrationOf(members.map((m) => m.attributed))),
        companies: members.length,
        missing: rows.filter((r) => r.twelfths === null && isPositive(r.shares[layer.key])).length,
        top: ranked.slice(0, top).map((m) => ({
          id: m.id,
          name: m.name,
          value: moneyOfTwelfths(m.attributed),
          share: ratioOver(m.attributed, pool),
        })),
        others: { value: moneyOfTwelfths(sum(rest.map((m) => m.attributed))), count: rest.length },
      };
    }),
    coverage: coverageOf(rows),
  };
}

function isPositive(share: string | undefined): boolean {
  return share !== undefined && !/^-|^0(\.0*)?$/.test(share);
}

/**
 * The reference for `yearPools`: each layer's pool, the gross total, the estimates flag and coverage, without
 * ranking or concentration. The same numbers as aggregateLayers's.
 */
export function layerPools(rows: readonly CompanyYearValue[]): Pick<LayersAggregate, 'total' | 'estimated' | 'coverage'> & {
  layers: { key: LayerKey; value: number }[];
} {
  const companies = valuedCompanies(rows);
  const layers = LAYERS.map(({ key }) => ({ key, members: layerMembers(companies, key) }));
  const pools = layers.map(({ key, members }) => ({ key, pool: sum(members.map((m) => m.attributed)) }));
  return {
    total: moneyOfTwelfths(sum(pools.map((p) => p.pool))),
    estimated: layers.some(({ members }) => members.some((m) => m.estimated)),
    layers: pools.map(({ key, pool }) => ({ key, value: moneyOfTwelfths(pool) })),
    coverage: coverageOf(rows),
  };
}
