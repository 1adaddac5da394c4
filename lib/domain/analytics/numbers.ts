import { Dec } from '../decimal';
import { roundMoney } from '../figures/calendar';

/** USD millions as the API shows money: a JSON number rounded to 6 decimals, half-even (docs/data-contract.md §4). */
export function money(value: Dec): number {
  return Number(roundMoney(value.toFixed()));
}

/**
 * An amount held in twelfths (12 × USD millions, exactly: docs/data-contract.md §4) as the API shows money: divided by
 * 12 once, here, then rounded as `money`. The quotient either ends within the precision of `twelfths` (of the
 * reference's `Exact`, 100 digits) or repeats 3s or 6s, so its rounding can never make or break a half-way tie.
 */
export function moneyOfTwelfths(twelfths: Dec): number {
  return money(twelfths.div(12));
}

/** A ratio as a JSON number, not rounded (docs/data-contract.md §4); a zero is 0, never -0. */
export function ratio(value: Dec): number {
  return value.isZero() ? 0 : value.toNumber();
}

/** numerator / denominator as a ratio, or null when the denominator is ≤ 0 (shares, margins, growth: docs/data-contract.md §5). */
export function ratioOver(numerator: Dec, denominator: Dec): number | null {
  return denominator.lte(0) ? null : ratio(numerator.div(denominator));
}
