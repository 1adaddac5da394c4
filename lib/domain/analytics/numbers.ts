import { Dec } from '../decimal';
import { roundMoney } from '../figures/calendar';

/** USD millions as the API shows money: a JSON number rounded to 6 decimals, half-even (docs/data-contract.md §4). */
export function money(value: Dec): number {
  return Number(roundMoney(value.toFixed()));
}

/** A ratio as a JSON number, not rounded (docs/data-contract.md §4); a zero is 0, never -0. */
export function ratio(value: Dec): number {
  return value.isZero() ? 0 : value.toNumber();
}

/** numerator / denominator as a ratio, or null when the denominator is ≤ 0 (shares, margins, growth: docs/data-contract.md §5). */
export function ratioOver(numerator: Dec, denominator: Dec): number | null {
  return denominator.lte(0) ? null : ratio(numerator.div(denominator));
}
