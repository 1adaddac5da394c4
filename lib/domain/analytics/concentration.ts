import type { Dec } from '../decimal';
import { ratio } from './numbers';
import { sum } from './pools';

export interface Concentration {
  /** Σ (100·s_c)², 0–10,000. */
  hhi: number | null;
  /** The sum of the three largest s_c (all of them when fewer). */
  cr3: number | null;
  /** 10,000 / HHI. */
  effectiveCompanies: number | null;
}

/** Concentration where it is not defined: operating income, or a layer without a positive value. */
export const NO_CONCENTRATION: Concentration = { hhi: null, cr3: null, effectiveCompanies: null };

/**
 * Concentration among tracked companies of one layer (docs/data-contract.md §5), from the attributed values a(c, L) of its
 * companies. Only a > 0 counts, and s_c = a / S with S the sum of those positive values. For revenue and capex
 * (the only metrics this is defined for) no a is negative, so S is the pool P(L) itself; dividing by S keeps HHI
 * within (0, 10,000] even if a negative value slipped through. All nulls when no company has a > 0.
 *
 * Each result is one exact ratio, so only the final division rounds: HHI = 10,000·Σa² / S², CR3 = (a₁ + a₂ + a₃) / S,
 * effective number = S² / Σa².
 */
export function concentrationOf(attributed: readonly Dec[]): Concentration {
  const positive = attributed.filter((a) => a.gt(0)).sort((x, y) => y.cmp(x));
  if (positive.length === 0) return NO_CONCENTRATION;
  const total = sum(positive);
  const sumOfSquares = sum(positive.map((a) => a.times(a)));
  const totalSquared = total.times(total);
  return {
    hhi: ratio(sumOfSquares.times(10_000).div(totalSquared)),
    cr3: ratio(sum(positive.slice(0, 3)).div(total)),
    effectiveCompanies: ratio(totalSquared.div(sumOfSquares)),
  };
}
