import { Dec } from '../decimal';

/**
 * Exact decimals as scaled integers: a value v held as the BigInt v × 10^scale. Adding, multiplying and comparing
 * BigInts is exact and an order of magnitude faster than decimal.js, which is what lets one answer aggregate
 * 200,000 company-years in a fraction of a second (bench/). Every amount of one answer shares one scale, so sums
 * and comparisons need no alignment; a product of two amounts has twice the scale.
 */

/** The number of decimal places of a plain decimal string (`-12.500` → 3). */
export function decimalPlaces(text: string): number {
  const point = text.indexOf('.');
  return point === -1 ? 0 : text.length - point - 1;
}

/** 10^k for the exponents one answer meets, built once each. */
const POWERS_OF_TEN: bigint[] = [];
export function powerOfTen(k: number): bigint {
  return (POWERS_OF_TEN[k] ??= 10n ** BigInt(k));
}

/** `text` × 10^scale as a BigInt; `scale` must be at least the text's decimal places. */
export function toScaled(text: string, scale: number): bigint {
  if (text.includes('e') || text.includes('E')) return toScaled(new Dec(text).toFixed(), scale);
  const point = text.indexOf('.');
  if (point === -1) return BigInt(text || '0') * powerOfTen(scale);
  const places = text.length - point - 1;
  if (places > scale) throw new RangeError(`${text} has more than ${scale} decimal places`);
  // BigInt reads the sign and leading zeros itself: `-0.05` → -005.
  return BigInt(text.slice(0, point) + text.slice(point + 1)) * powerOfTen(scale - places);
}

/** The exact decimal a scaled integer stands for. */
export function fromScaled(value: bigint, scale: number): Dec {
  if (scale === 0) return new Dec(value.toString());
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  return new Dec(`${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`);
}

export function absOf(value: bigint): bigint {
  return value < 0n ? -value : value;
}

/**
 * A scaled amount of twelfths (12 × USD millions × 10^scale, `CompanyYearValue.twelfths`) as the API shows money:
 * divided by 12 once and rounded half-even to 6 decimals (docs/data-contract.md §4), in one exact BigInt division, so
 * a pool exactly half-way between two millionths rounds to the even one. The same number as `moneyOfTwelfths`.
 */
export function moneyOfScaledTwelfths(twelfths: bigint, scale: number): number {
  const numerator = absOf(twelfths) * (scale < 6 ? powerOfTen(6 - scale) : 1n);
  const divisor = 12n * (scale > 6 ? powerOfTen(scale - 6) : 1n);
  let millionths = numerator / divisor;
  const twice = 2n * (numerator - millionths * divisor);
  if (twice > divisor || (twice === divisor && (millionths & 1n) === 1n)) millionths += 1n;
  if (millionths === 0n) return 0;
  const digits = millionths.toString().padStart(7, '0');
  return Number(`${twelfths < 0n ? '-' : ''}${digits.slice(0, -6)}.${digits.slice(-6)}`);
}
