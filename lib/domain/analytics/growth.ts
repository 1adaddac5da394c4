import type { Dec } from '../decimal';
import { LAYERS, type LayerKey } from '../layers';
import { ratioOver } from './numbers';
import { idsOf, layerPool, onlyIds, sum, valuedCompanies } from './pools';
import type { CompanyYearValue } from './types';

export interface PoolGrowth {
  /** Growth of the stack total Σ_L P(L), like-for-like; null when the earlier total is ≤ 0. */
  total: number | null;
  /** Every layer in stack order; null when the layer's earlier pool is ≤ 0. */
  layers: { key: LayerKey; growth: number | null }[];
  /** How many companies have a value in both years: the ones compared. */
  companies: number;
}

/**
 * Year-on-year growth of each layer's pool (docs/data-contract.md §5), like-for-like: only companies with a value in both years
 * count, in both years, so a company entering or leaving the set (or missing a figure) does not read as growth.
 * growth = (P_current − P_previous) / P_previous over those companies.
 */
export function poolGrowth(previous: readonly CompanyYearValue[], current: readonly CompanyYearValue[]): PoolGrowth {
  const before = valuedCompanies(previous);
  const after = valuedCompanies(current);
  const comparedBefore = onlyIds(before, idsOf(after));
  const comparedAfter = onlyIds(after, idsOf(before));

  const pools = LAYERS.map(({ key }) => ({ key, was: layerPool(comparedBefore, key), is: layerPool(comparedAfter, key) }));

  return {
    total: growthOf(sum(pools.map((p) => p.was)), sum(pools.map((p) => p.is))),
    layers: pools.map(({ key, was, is }) => ({ key, growth: growthOf(was, is) })),
    companies: comparedAfter.length,
  };
}

function growthOf(previous: Dec, current: Dec): number | null {
  return ratioOver(current.minus(previous), previous);
}
