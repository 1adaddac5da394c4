import type { LayerKey } from '../layers';
import { coverageOf } from './coverage';
import { gapFigures, type RequiredRevenueGap } from './gap';
import { exact } from './pools';
import { fromScaled } from './scaled';
import { layerIndex, yearLayerPool, type PreparedYears } from './year-aggregates';

/** The gap's inputs for one year, each read once by `prepareYears`. */
export interface PreparedGap {
  /** The companies whose chips-layer revenue is C (the set, or a chips list), as plotted (like-for-like or not). */
  chips: PreparedYears;
  /** The analysed set, as plotted. */
  application: PreparedYears;
}

/**
 * The required-revenue gap of one year (docs/data-contract.md §5): `requiredRevenueGap`'s answer from the one-pass
 * scaled integers, equal to it digit for digit. `coverageFrom` holds the rows each input's coverage counts, when that
 * is not what is plotted: like-for-like plots some companies but still says who reported.
 */
export function yearGap(
  plotted: PreparedGap,
  year: number,
  { g, m }: { g: number; m: number },
  coverageFrom: PreparedGap = plotted,
): RequiredRevenueGap {
  const chips = layerPoolOf(plotted.chips, year, 'chips');
  const application = layerPoolOf(plotted.application, year, 'application');
  return {
    ...gapFigures(chips.pool, application.pool, g, m),
    estimated: chips.estimated || application.estimated,
    coverage: {
      chips: layerCoverage(coverageFrom.chips, year, 'chips'),
      application: layerCoverage(coverageFrom.application, year, 'application'),
    },
  };
}

/** P(L) in twelfths at the reference's precision, and whether an estimate counts in it. */
function layerPoolOf(years: PreparedYears, year: number, key: LayerKey) {
  const { pool, estimated } = yearLayerPool(years, year, layerIndex(key));
  return { pool: exact(fromScaled(pool, years.scale).toFixed()), estimated };
}

/** Coverage among the input's companies exposed to the layer: one outside it cannot change its pool. */
function layerCoverage(years: PreparedYears, year: number, key: LayerKey) {
  return coverageOf(years.year(year).exposed[layerIndex(key)]!, years.coverage);
}
