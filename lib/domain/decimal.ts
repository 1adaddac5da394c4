import Decimal from 'decimal.js';

/** decimal.js configured for this app's exact arithmetic, without touching the library's global settings. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

/** A decimal as plain text without exponent or trailing zeros: `0.600` → `0.6`, `1.0` → `1`. */
export function canonicalDecimal(value: Decimal.Value): string {
  return new Dec(value).toFixed();
}

/** The part of a company outside the AI stack: 1 − Σ shares, exactly. */
export function outsideShare(shares: readonly Decimal.Value[]): string {
  return canonicalDecimal(shares.reduce<Dec>((rest, s) => rest.minus(s), new Dec(1)));
}
