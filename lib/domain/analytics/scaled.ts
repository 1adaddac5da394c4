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

const SIGNIFICANT = 40; // Dec's precision (lib/domain/decimal.ts)

/**
 * `numerator / 12` as `canonicalDecimal(new Dec(numerator).div(12))` writes it — rounded half-even to Dec's 40
 * significant digits, without exponent or trailing zeros — digit for digit, in BigInt arithmetic: a calendar-year
 * value is one numerator over 12 (docs/data-contract.md §4), and a 20-year series at 10,000 companies divides
 * 185,000 of them, which decimal.js took most of a second to do.
 *
 * One division gives the 40 digits: the numerator's digits n (its value n × 10^-scale) are shifted by a power of
 * ten chosen from their count and their first two digits so that the quotient by 12 has exactly 40 digits, and the
 * remainder decides the rounding.
 */
export function twelfthOf(numerator: string): string {
  const plain = numerator.includes('e') || numerator.includes('E') ? new Dec(numerator).toFixed() : numerator;
  const negative = plain.charCodeAt(0) === MINUS;
  const unsigned = negative || plain.charCodeAt(0) === PLUS ? plain.slice(1) : plain;
  const point = unsigned.indexOf('.');
  const digits = point === -1 ? unsigned : unsigned.slice(0, point) + unsigned.slice(point + 1);
  const scale = point === -1 ? 0 : unsigned.length - point - 1;
  const first = firstNonZero(digits);
  if (first === digits.length) return '0';
  // n × 10^shift / 12 has 40 digits: one fewer than n × 10^shift when n starts with 12 or more, else two fewer.
  const length = digits.length - first;
  const leading = Number(digits.slice(first, first + 2).padEnd(2, '0'));
  const shift = SIGNIFICANT + (leading >= 12 ? 1 : 2) - length;
  const n = BigInt(digits);
  // A negative shift (more than 41 digits) divides instead: by 12 × 10^-shift.
  const shifted = shift >= 0 ? n * powerOfTen(shift) : n;
  const divisor = shift >= 0 ? 12n : 12n * powerOfTen(-shift);
  let kept = shifted / divisor;
  const twice = 2n * (shifted - kept * divisor);
  // Half-even; a carry to 10^40 only adds a trailing zero, which plainDecimal drops.
  if (twice > divisor || (twice === divisor && (kept & 1n) === 1n)) kept += 1n;
  return plainDecimal(kept, negative, -shift - scale);
}

const MINUS = 45; // '-'
const PLUS = 43; // '+'
const ZERO = 48; // '0'

function firstNonZero(digits: string): number {
  let i = 0;
  while (i < digits.length && digits.charCodeAt(i) === ZERO) i++;
  return i;
}

/** (−)value × 10^exponent as plain decimal text, without trailing zeros; value > 0. */
function plainDecimal(value: bigint, negative: boolean, exponent: number): string {
  const written = value.toString();
  let end = written.length;
  while (end > 1 && written.charCodeAt(end - 1) === ZERO) end--;
  const digits = written.slice(0, end);
  const places = end - written.length - exponent; // decimal places of the result, negative for trailing zeros
  let text: string;
  if (places <= 0) text = digits + '0'.repeat(-places);
  else if (places >= digits.length) text = `0.${'0'.repeat(places - digits.length)}${digits}`;
  else text = `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative ? `-${text}` : text;
}
