import { Dec } from '../decimal';
import type { LayerKey } from '../layers';
import { coverageOf, type CoverageOptions } from './coverage';
import { moneyOfTwelfths } from './numbers';
import { layerMembers, shareOf, sum, valuedCompanies } from './pools';
import type { CompanyYearValue, Coverage } from './types';

export interface GapInput {
  /** The companies whose chips-layer revenue is C: the analysed set, or the companies on `chipsList`. */
  chips: readonly CompanyYearValue[];
  /** The analysed set, whose application-layer revenue is compared with the requirement. */
  application: readonly CompanyYearValue[];
  /** Accelerators' share of data-centre cost, 0 < g ≤ 1. */
  g: number;
  /** Application gross margin, 0 ≤ m < 1. */
  m: number;
}

export interface RequiredRevenueGap {
  /** C, the chips layer's revenue pool, USD millions. */
  chips: number;
  /** C / g / (1 − m): the application revenue that would pay for the chips at that margin. */
  required: number;
  /** The application layer's revenue pool. */
  application: number;
  /** required − application. */
  gap: number;
  /** Some company counted in C or in the application pool has an estimated value. */
  estimated: boolean;
  /** Of each input's companies exposed to its layer: a company outside that layer cannot change its pool. */
  coverage: { chips: Coverage; application: Coverage };
}

/**
 * The required-revenue gap after Sequoia's "AI's $600B question" (docs/data-contract.md §5), an illustration: chip revenue C is
 * grossed up to the data-centre spend it implies (÷ g) and to the application revenue that spend needs at gross
 * margin m (÷ (1 − m)). The reference, row by row in decimal.js; the API answers with `yearGap` (./year-gap.ts), equal to it.
 */
export function requiredRevenueGap({ chips, application, g, m }: GapInput, coverage: CoverageOptions = {}): RequiredRevenueGap {
  const chipsPool = layerPoolOf(chips, 'chips');
  const applicationPool = layerPoolOf(application, 'application');
  return {
    ...gapFigures(chipsPool.pool, applicationPool.pool, g, m),
    estimated: chipsPool.estimated || applicationPool.estimated,
    coverage: gapCoverage({ chips, application }, coverage),
  };
}

/**
 * C, the required revenue, the application pool and the gap from the two exact pools in twelfths (at the
 * reference's precision, `exact`), g and m; the API validates g and m first, the range check here is a guard.
 */
export function gapFigures(
  chipsTwelfths: Dec,
  applicationTwelfths: Dec,
  g: number,
  m: number,
): Pick<RequiredRevenueGap, 'chips' | 'required' | 'application' | 'gap'> {
  if (!(g > 0 && g <= 1)) throw new RangeError(`g must be in (0, 1], not ${g}`);
  if (!(m >= 0 && m < 1)) throw new RangeError(`m must be in [0, 1), not ${m}`);
  // One division by the exact product g × (1 − m), so only the quotient rounds.
  const required = chipsTwelfths.div(new Dec(g).times(new Dec(1).minus(m)));
  return {
    chips: moneyOfTwelfths(chipsTwelfths),
    required: moneyOfTwelfths(required),
    application: moneyOfTwelfths(applicationTwelfths),
    gap: moneyOfTwelfths(required.minus(applicationTwelfths)),
  };
}

/**
 * Each input's coverage among its companies exposed to its layer. Like-for-like answers compute it from the set's
 * rows before the selection, so it still says who reported each year.
 */
function gapCoverage(
  { chips, application }: Pick<GapInput, 'chips' | 'application'>,
  coverage: CoverageOptions = {},
): RequiredRevenueGap['coverage'] {
  return {
    chips: coverageOf(
      chips.filter((row) => shareOf(row, 'chips').gt(0)),
      coverage,
    ),
    application: coverageOf(
      application.filter((row) => shareOf(row, 'application').gt(0)),
      coverage,
    ),
  };
}

function layerPoolOf(rows: readonly CompanyYearValue[], key: LayerKey): { pool: Dec; estimated: boolean } {
  const members = layerMembers(valuedCompanies(rows), key);
  return { pool: sum(members.map((m) => m.attributed)), estimated: members.some((m) => m.estimated) };
}
